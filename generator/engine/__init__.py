"""The orchestration: one build for `build` and `serve`, and the cache it keeps between builds."""
