"""Cruft kinds for `--unseen 4`: written, and committed, before any rule fitted to `--unseen 3`,
so that when unseen 3 has been read and tuned on, this list still says whether the rules carry
to kinds they were not fitted to. None of its lines is in the devset's, the holdout's or unseen
1-3's lists: audio players, affiliate and partnership disclosures, fact-check credits, tickers,
text-size and translation widgets, reactions, transcripts, players the browser cannot show.
Scored once per set of rules; a rule is never fitted to a line of it."""

UNSEEN4_CRUFT = [
    "Listen to this article", "Press play to listen · {n} min", "Skip Advertisement", "Ad Feedback",
    "This article may contain affiliate links; we may earn a commission on purchases.",
    "This article was produced in partnership with {outlet}.", "Fact checked by {outlet} staff",
    "Text size A A A", "Translate this page", "{n} reactions", "Like Reply Share",
    "Show transcript", "Your browser does not support the audio element.", "Add to reading list",
    "Subscriber exclusive", "Have a news tip? Email us.", "Trending now", "Buy photo",
    "Terms of Service · Privacy Policy", "Originally published on {outlet}",
]
