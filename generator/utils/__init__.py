"""Plumbing every stage may use: files and their hashes, worker processes, cancellation."""
