"""Cruft kinds for `--unseen 5`: written, and committed, before any rule fitted to `--unseen 4`,
so that once unseen 4 has been read and tuned on, this list still says whether the rules carry
to kinds they were not fitted to. None of its lines is in the devset's, the holdout's or unseen
1-4's lists: print-edition notes, agency standards, breadcrumbs, slideshow and embed controls,
trial offers, registration prompts, consent placeholders, comment prompts, dialogs, partner
content. Scored once per set of rules; a rule is never fitted to a line of it."""

UNSEEN5_CRUFT = [
    "A version of this article appears in print with the headline: {title}.",
    "Our Standards: The {outlet} Trust Principles.", "Home › News › World", "Previous slide Next slide",
    "Copy embed code", "Keep reading with a 7-day free trial", "Don't have an account? Register for free",
    "This content is not available due to your privacy preferences.", "Enter your email address",
    "Join the conversation", "Report a typo", "{n} likes", "Close dialog", "Full screen",
    "Print Email Facebook Twitter", "Follow us on Instagram", "Notifications can be managed in browser preferences.",
    "Content from our partners", "Show {n} more replies", "Email the author",
]
