"""Cruft kinds for `--unseen 7`: written, and committed, before any rule fitted to `--unseen 6`
was scored on them, so that once unseen 6 has been read and tuned on, this list still says whether
the rules carry to kinds they were not fitted to. None of its lines is in the devset's, the
holdout's or unseen 1-6's lists: pinned and paid-post labels, chart and map credits, data
sources, save-for-later and expand controls, "more in" section links, app pitches, comment
toggles, login walls, editor's notes of corrections, print-edition dates.
Scored once per set of rules; a rule is never fitted to a line of it."""

UNSEEN7_CRUFT = [
    "Pinned post", "Paid Post by {outlet}", "Chart: {outlet} analysis of state data", "Map data © OpenStreetMap contributors",
    "Save for later", "Expand to read the full story", "More in World", "Get the app", "Show comments",
    "Login to continue reading", "Editor's note: An earlier version of this story misstated the date of the vote.",
    "Print edition | November 21, 2019", "Source: {outlet} research", "In this article: {title}",
    "Hide comments", "Tap here to add {outlet} to your home screen", "Swipe for more photos",
    "This page is best viewed in an up-to-date web browser.", "{n} people have shared this", "Opinion | {title}",
]
