"""Cruft kinds for `--unseen 6`: written, and committed, before any rule fitted to `--unseen 5`,
so that once unseen 5 has been read and tuned on, this list still says whether the rules carry
to kinds they were not fitted to. None of its lines is in the devset's, the holdout's or unseen
1-5's lists: "also read" pointers in capitals, relative timestamps, tag lists, share links that
open windows, support appeals, live-video labels, newsletter pitches in other words, bookmark
and gift controls, photo counters, corrections boxes, audio versions, print and font controls.
Scored once per set of rules; a rule is never fitted to a line of it."""

UNSEEN6_CRUFT = [
    "ALSO READ | {title}", "Updated {n} minutes ago", "Tags: politics, world news, {outlet}",
    "Click to share on Reddit (Opens in new window)", "Support independent journalism. Donate today.",
    "Watch live: {title}", "Get our morning briefing in your inbox every weekday.", "Bookmark this story",
    "Photos: {n} of 12", "Got a correction? Let us know.", "Listen to the audio version of this article",
    "Increase font size", "Share via Email", "{n} min listen", "Breaking News Alert",
    "Sign up for {outlet}'s weekly roundup", "Subscribers can gift up to 10 articles each month.",
    "Open image in gallery", "View this post on Instagram", "Story saved",
]
