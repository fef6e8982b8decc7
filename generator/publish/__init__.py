"""The publish stage: pages -> public/, its search index, its checks, and deploys."""
