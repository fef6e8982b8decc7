"""Cruft kinds for `--unseen 3`: written by someone other than the rules' author, kept apart so that
the rules' author never reads them. They are what news pages around an article say, of kinds the
devset, the holdout and unseen 1 and 2 do not show: paywall counters, comment forms, consent
banners, page furniture of named outlets, timestamps, share rows of other networks, disclaimers.
Scored once, after the rules are chosen: the figure says whether the cruft rules generalise."""

UNSEEN3_CRUFT = [
    "Supported by", "Continue reading the main story", "You have {n} free articles left this month.",
    "Enjoy unlimited access to {outlet} for just $1 a week.", "Already have an account? Sign in here",
    "Leave a Reply Cancel reply", "Your email address will not be published. Required fields are marked *",
    "Manage consent preferences", "Image source, Getty Images", "Related Topics", "More on this story",
    "Editor's picks", "Recommended for you", "Last modified on Tue 12 Nov 2019 10.31 GMT",
    "Published {n} hours ago", "Tweet Pin WhatsApp LinkedIn", "Download the {outlet} app for the latest news",
    "The views expressed in this article are the author's own.", "Get breaking news alerts delivered to your inbox",
    "Watch Next", "Story highlights", "Toggle navigation", "Filed under: {title}", "Top stories",
]
