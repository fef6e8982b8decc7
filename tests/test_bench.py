"""The benchmark runs end to end at a small N: a smoke test, not a timing (CI runs this, not the 10k run)."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.helpers import REPO

pytestmark = [pytest.mark.cli, pytest.mark.slow]


def test_bench_prints_a_row_for_every_scenario():
    result = subprocess.run([sys.executable, "-m", "bench", "--n", "30", "--seeds", "10"], cwd=REPO,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    for scenario in ("cold", "warm, nothing changed", "one edited briefing", "one new seed"):
        row = re.search(rf"^\| ours: {scenario} +\| +([\d.]+) \|.*\| +(\d+) \| +[\d.]+ \| +(\d+) \|", result.stdout, re.M)
        assert row, f"no row for {scenario}:\n{result.stdout}"
        assert float(row.group(1)) > 0 and int(row.group(3)) > 0
    assert re.search(r"^ingest: 10 text seeds in [\d.]+s = \d+ seeds/s", result.stdout, re.M)


def test_give_way_bench_prints_the_longest_stretches_between_questions():
    result = subprocess.run([sys.executable, "-m", "bench.give_way_bench", "--n", "30", "--runs", "1"], cwd=REPO,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert re.search(r"^30 briefings, run 1: linking [\d.]+ s, \d+ questions; longest stretches:$", result.stdout, re.M)
    stretches = re.findall(r"^ +\d+ ms  \S+ -> \S+$", result.stdout, re.M)
    assert len(stretches) == 5, result.stdout


def test_floor_bench_builds_each_variant_cold():
    result = subprocess.run([sys.executable, "-m", "bench.floor", "--n", "20", "--rounds", "1"], cwd=REPO,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    for variant in ("as it is", "Markdown free", r"Markdown\+Jinja free"):
        row = re.search(rf"^\| ours, {variant} +\| +([\d.]+) \|.*\| +(\d+) \| +[\d.]+ \| +(\d+) \|", result.stdout, re.M)
        assert row, f"no row for {variant}:\n{result.stdout}"
        assert float(row.group(1)) > 0 and int(row.group(2)) > 0


def test_edit_bench_prints_each_edits_stages():
    result = subprocess.run([sys.executable, "-m", "bench.edit_bench", "--n", "30", "--edits", "2"], cwd=REPO,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    rows = re.findall(r"^ +\d+ \|( +[\d.]+ \|){6} +[\d.]+ -?\d \| \d+$", result.stdout, re.M)
    assert len(rows) == 2, result.stdout


def test_serve_bench_without_a_browser_times_each_edit_to_the_build_line():
    result = subprocess.run([sys.executable, "-m", "bench.serve_bench", "--n", "30", "--edits", "2", "--no-browser"],
                            cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    edits = re.findall(r"(\d+\.\d\d)s \((\d+\.\d\d)s CPU; ingest \d+, load \d+, link \d+", result.stdout)
    assert len(edits) == 2 and all(float(wall) > 0 for wall, _ in edits), result.stdout
    assert re.search(r"^median \d+\.\d\ds, \d+\.\d\ds CPU$", result.stdout, re.M), result.stdout
