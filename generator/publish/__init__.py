"""The publish stage: pages -> public/, its search index, its checks, the record of what was built, and deploys."""
