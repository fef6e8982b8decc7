"""Settings: site.yaml read, checked and typed."""
