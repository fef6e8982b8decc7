"""Cruft kinds for `--unseen 8`: written, and committed, before the scored-line model of page
furniture was scored on them, so that it says whether a model built from unseen 1-7's misses carries
to kinds nobody read. None of its lines is in the devset's, the holdout's or unseen 1-7's lists:
accessibility links, image toggles, disclosure statements, republishing licences, feedback prompts,
embed and download controls, messaging-channel pitches, video-player keyboard help, language links,
provider credits, newsroom contacts.
Scored once per set of rules; a rule is never fitted to a line of it."""

UNSEEN8_CRUFT = [
    "Accessibility links", "Enlarge this image", "toggle caption",
    "Disclosure statement: The author does not work for, consult, own shares in or receive funding from any "
    "company that would benefit from this article.",
    "Republish this article under a Creative Commons licence", "Was this article helpful? Yes No", "Send feedback",
    "Embed this story", "Download PDF", "Join our WhatsApp channel for the latest updates", "Cookie settings",
    "Audio player loading…", "© Provided by {outlet}", "Contact the newsroom at newsroom@example.org",
    "See all {n} photos", "Read this next", "Play video",
    "Press shift question mark to access a list of keyboard shortcuts", "Read this story in Spanish",
    "More from this author",
]
