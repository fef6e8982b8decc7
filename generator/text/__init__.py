"""Language rules shared by ingest and linking: sentences, entities, claims, quotes, slugs."""
