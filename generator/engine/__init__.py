"""The orchestration: one build for `build` and `serve`, its cache and its record."""
