"""The content stage: content/**/*.md -> Documents, and the rules a Document's fields follow."""
