"""Cruft kinds for `--unseen 10`: written, and committed, before they were scored, after the rules
for the page's own name in its controls, rows of control verbs and kickers glued ahead of a
sentence were fitted to unseen 1-9. None of its lines is in the devset's, the holdout's or unseen
1-9's lists: video and audio continuations, sign-in walls, transcript and gallery controls, print
and link controls, notification prompts, members-only and exclusive-offer pitches, pickers of
stories, shopping links, ratings, display settings, pointers in other words.
Scored once per set of rules; a rule is never fitted to a line of it."""

UNSEEN10_CRUFT = [
    "Continue watching", "Listen now", "Sign in with Google to keep reading", "Read full story", "View gallery ({n} images)",
    "Print article", "Copy article link", "Turn on notifications", "Members only", "Exclusive offer for {outlet} readers",
    "Top picks: {title}", "Must watch: {title}", "Latest stories from {outlet}", "Image enlarged", "Related articles",
    "Shop now", "Hear this story", "Rate this article", "Dark mode", "Save to my list",
]
