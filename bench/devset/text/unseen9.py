"""Cruft kinds for `--unseen 9`: written, and committed, before they were scored, after the rules
for pointers labelled by any of the page's words, lowercase controls after a stop and graphic
credits were fitted to unseen 1-8. None of its lines is in the devset's, the holdout's or unseen
1-8's lists: share and gift buttons, tip lines, coverage and video pointers, fullscreen and player
controls, membership and trial pitches, comment prompts, reprint and advertising links, archive
pointers, illustration credits, account prompts.
Scored once per set of rules; a rule is never fitted to a line of it."""

UNSEEN9_CRUFT = [
    "Share full article", "Have a tip? Contact us securely", "Related Coverage: {title}", "View image in fullscreen",
    "Become a member to read more", "Pause Play % buffered 00:00", "Have your say", "Most shared",
    "Advertise with us", "Explore topics", "Gift article", "Previous Next", "Reprints & Permissions",
    "Photo illustration by {outlet}", "Related video: {title}", "From the archive: {title}",
    "Don't have an account? Register", "Start your free trial of {outlet}", "{n} min listen", "Back to {outlet} homepage",
]
