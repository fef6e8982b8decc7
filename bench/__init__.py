"""Benchmarks for the generator: measured quality and speed over real inputs, outside the tests."""
