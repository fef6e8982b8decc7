"""Bounded work and input limits: no seed, page or YAML file can stall or swell a build.

Adversarial inputs (tests/adversarial.py) are timed through the ingest functions; seeds past the
size limits, gzip bombs and YAML alias bombs are refused with one line naming the file; binary
data is refused and UTF-16/UTF-32 decoded; duplicate seeds make one briefing."""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import itertools
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.config.settings import load_config
from generator.ingest.article import Seed
from generator.text.claims import extract_figures
from generator.ingest.clean import clean
from generator.ingest.dates import infer_date
from generator.text.entities import Lexicon, Mention, find_mentions
from generator.ingest.inline_html import escape_markdown, html_to_markdown
from generator.text.markdown_text import plain
from generator.ingest.page import polish
from generator.text.quotes import extract_quotes
from generator.ingest.read import decode, read_seed, read_text
from generator.linking.mentions import link_first_mentions
from generator.linking.related import word_counts
from generator.problems import ProblemError
from generator.config.yamlfile import load_yaml
from tests.adversarial import ADVERSARIAL
from tests.helpers import REPO, run_cli

KB = 1 << 10
SETTINGS = load_config(REPO / "generator" / "config" / "default_site.yaml").ingest
LEXICON = Lexicon(load_config(REPO / "generator" / "config" / "default_site.yaml").entities)
LEXICON.cities  # read the city gazetteer now, so the time limits below time the rules and not its loading


def _mentions(text: str) -> list[Mention]:
    """A mention every 40 characters, people and organisations in turn, sentence by line: what
    attribution looks names up among, as dense as a real text's at most."""
    kinds = ("people", "organisations")
    lines = list(itertools.accumulate(1 if char == "\n" else 0 for char in text[::40]))
    return [Mention(n * 40, kinds[n % 2], f"Name{n % 97} Surname{n % 89}", line) for n, line in enumerate(lines)]


def _figures_and_quotes(text: str) -> None:
    mentions = _mentions(text)
    extract_figures(text, mentions, dt.date(2022, 3, 17))
    extract_quotes(text, mentions)


def _inline_html(text: str) -> None:
    """As a text seed with inline HTML is read: its lines as <br> tags, through the sanitiser."""
    try:
        read_text(Seed(Path("seed.txt"), "seeds/seed.txt", "0"), "<b>x</b> " + text)
    except ProblemError:
        pass  # no text left: an answer too


# (function, size of input in characters, seconds allowed): quadratic code takes minutes to hours
# at these sizes, linear code well under a second on a quiet machine; the bounds leave room for a
# loaded one.
def _default_cruft(text: str) -> None:
    for pattern in SETTINGS.cruft:
        for _ in pattern.finditer(text):
            pass


def _read_text(text: str) -> None:
    try:
        read_text(Seed(Path("seed.txt"), "seeds/seed.txt", "0"), text)
    except ProblemError:
        pass  # no text: an answer too


def _mentions_of(text: str) -> None:
    find_mentions(text, LEXICON)


def _first_mentions(text: str) -> None:
    link_first_mentions(f"<p>{text}</p>", {"Alpha Beta": "/a/", "Kyiv": "/k/", "Ministry of the Defence": "/m/", "aaa": "/x/"})


def _clean(text: str) -> None:
    """As a text seed's Markdown is cleaned: escaped, then cut of cruft."""
    clean(escape_markdown(text), SETTINGS.cruft)


TIMED = {
    "clean (a seed's Markdown)": (_clean, 256 * KB, 10.0),
    "word_counts (related briefings)": (word_counts, 1024 * KB, 6.0),
    "link_first_mentions": (_first_mentions, 1024 * KB, 6.0),
    "infer_date": (lambda text: infer_date(text, [], None), 256 * KB, 6.0),
    "find_mentions": (_mentions_of, 256 * KB, 10.0),
    "plain (Markdown to text)": (plain, 512 * KB, 6.0),
    "polish (a saved page's Markdown)": (lambda text: polish(text, "https://example.com/a", "A title"), 256 * KB, 10.0),
    "read_text": (_read_text, 512 * KB, 6.0),
    "default cruft patterns": (_default_cruft, 512 * KB, 6.0),
    "figures and quotes": (_figures_and_quotes, 256 * KB, 10.0),
    "escape_markdown": (escape_markdown, 1024 * KB, 4.0),
    "inline HTML": (_inline_html, 256 * KB, 10.0),
    "decode": (lambda text: decode(text.encode("utf-8"), Path("seed.txt")), 1024 * KB, 4.0),
}


@pytest.mark.slow
@pytest.mark.parametrize("kind", sorted(ADVERSARIAL))
@pytest.mark.parametrize("function", sorted(TIMED))
def test_ingest_functions_are_linear_on_adversarial_text(function: str, kind: str) -> None:
    run, size, allowed = TIMED[function]
    text = ADVERSARIAL[kind](size)
    started = time.perf_counter()
    try:
        run(text)
    except ProblemError:
        pass  # refused (decode: control characters) is an answer too
    assert time.perf_counter() - started < allowed, f"{function} on {kind}"


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["Reuse this content ", "Sponsored by The Hill ", "Up next: The Big Story ",
                                  "Our journalism needs your support. ", "Add to favourites\n"])
def test_cleaning_a_run_of_the_pages_asides_is_linear(unit: str) -> None:
    """Each aside taken from a block is read through a window, never by copying the rest of the block."""
    text = unit * (256 * KB // len(unit))
    started = time.process_time()
    clean(text, SETTINGS.cruft)
    assert time.process_time() - started < 10.0


def test_a_long_sentence_of_figures_keeps_an_excerpt_of_it() -> None:
    text = "Officials said 12 troops were killed, and " * 2000
    figures = extract_figures(text, _mentions(text), None)
    assert figures and all(len(figure["sentence"]) <= 602 for figure in figures)
    assert "12 troops were killed" in figures[0]["sentence"]


def test_deep_emphasis_is_written_as_text_past_a_few_levels() -> None:
    markdown, _ = html_to_markdown("<b>" * 20_000 + "x" + "</b>" * 20_000)
    assert markdown.count("**") <= 16 and "x" in markdown


# --- size limits ---------------------------------------------------------------------------------


def _problem_lines(result: subprocess.CompletedProcess[str], name: str) -> list[str]:
    return [line for line in (result.stdout + result.stderr).splitlines() if name in line]


def test_a_55_mb_text_seed_is_refused_in_one_line_and_the_rest_builds(site: Path) -> None:
    with open(site / "seeds" / "huge.txt", "w") as file:
        sentence = "Officials said 12 troops were killed in the region on Tuesday. "
        for _ in range(55 * (1 << 20) // len(sentence) + 1):
            file.write(sentence)
    result, took = _build_measured(site)
    lines = _problem_lines(result, "huge.txt")
    assert len(lines) == 1 and "ingest.max_text_mb" in lines[0], result.stdout + result.stderr
    assert took < 30
    assert len(list((site / "content" / "briefings").glob("*.md"))) == 2  # the repository's two seeds


def _build_measured(site: Path) -> tuple[subprocess.CompletedProcess[str], float]:
    """A build in a child process whose peak memory is measured on its own (RUSAGE_CHILDREN of a
    fresh Python, which waits for the build alone)."""
    code = ("import resource, subprocess, sys, os\n"
            "r = subprocess.run([sys.executable, '-m', 'generator', 'build', '--quiet'], capture_output=True, text=True)\n"
            "sys.stdout.write(r.stdout); sys.stderr.write(r.stderr)\n"
            "print('PEAK_MB', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)\n"
            "sys.exit(r.returncode)\n")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code], cwd=site, env=env, capture_output=True, text=True, timeout=300)
    took = time.perf_counter() - started
    peak = float(re.search(r"PEAK_MB ([\d.]+)", result.stdout)[1])
    assert peak < 600, f"peak memory {peak:.0f} MB"
    return result, took


def test_a_gzip_bomb_is_stopped_at_the_page_limit_in_little_memory(site: Path) -> None:
    bomb = site / "seeds" / "bomb.html.gz"
    member = gzip.compress(b"\0" * (1 << 20), compresslevel=9)  # a gzip file may be many members, read as one
    bomb.write_bytes(gzip.compress(b"<html><body><p>") + member * 1024)  # 1 GiB
    assert bomb.stat().st_size < 2 * (1 << 20)
    result, took = _build_measured(site)
    lines = _problem_lines(result, "bomb.html.gz")
    assert len(lines) == 1 and "ingest.max_page_mb" in lines[0], result.stdout + result.stderr
    assert took < 30
    assert len(list((site / "content" / "briefings").glob("*.md"))) == 2


def test_size_limits_are_settings(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("The council met on Tuesday to discuss the new budget for schools. " * 100)
    settings = load_config(_site_yaml(tmp_path, "ingest:\n  max_text_mb: 0.001\n")).ingest
    with pytest.raises(ProblemError, match="larger than ingest.max_text_mb"):
        read_seed(Seed(path, "seeds/story.txt", "0"), settings)
    assert read_seed(Seed(path, "seeds/story.txt", "0"), SETTINGS).text
    with pytest.raises(ProblemError, match="max_text_mb. must be a number of megabytes"):
        load_config(_site_yaml(tmp_path, "ingest:\n  max_text_mb: lots\n"))


def _site_yaml(folder: Path, text: str) -> Path:
    path = folder / "site.yaml"
    path.write_text(text)
    return path


# --- YAML expansion ------------------------------------------------------------------------------

_BOMB = ("a: &a [x, x, x, x, x, x, x, x, x, x]\n"
         + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(7)))


def test_an_alias_bomb_in_front_matter_is_refused_with_its_line(site: Path) -> None:
    briefing = site / "content" / "bomb.md"
    briefing.write_text("---\ntitle: Bomb\n" + _BOMB + "quotes: *h\n---\n\nBody.\n")
    result = run_cli(site, "build", "--quiet")
    lines = _problem_lines(result, "bomb.md")
    assert len(lines) == 1 and "aliases repeat" in lines[0] and re.search(r"bomb\.md:\d+:", lines[0]), lines
    assert (site / "public" / "index.html").exists()
    assert not (site / "public" / "bomb").exists()


def test_an_alias_bomb_in_site_yaml_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ProblemError, match=r"aliases repeat") as refused:
        load_config(_site_yaml(tmp_path, _BOMB + "title: *h\n"))
    assert refused.value.problem.line == 8


def test_a_few_aliases_are_fine() -> None:
    data = load_yaml("a: &a {k: [1, 2]}\nb: [*a, *a, *a]\nc: &c AT&T\nd: *c\n", Path("x.yaml")).data
    assert data["b"] == [{"k": [1, 2]}] * 3 and data["d"] == "AT&T"


# --- decoding ------------------------------------------------------------------------------------

TEXT = "Kyiv’s officials said on Tuesday that 1,200 people had been evacuated from the city."


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_decoded(encoding: str) -> None:
    raw = TEXT.encode(encoding)
    if encoding.endswith(("-le", "-be")):
        raw = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE,
               "utf-32-be": codecs.BOM_UTF32_BE}[encoding] + raw
    assert decode(raw, Path("seed.txt")) == TEXT


def test_binary_data_is_refused_with_or_without_a_nul_in_its_first_4_kb() -> None:
    noise = bytes((n * 7919 + n // 13) % 256 for n in range(64 * KB))
    without_nul = noise.replace(b"\0", b"\1")
    late_nul = b"x" * 5000 + noise
    for raw in (noise, without_nul, late_nul):
        with pytest.raises(ProblemError, match="binary"):
            decode(raw, Path("seed.txt"))


def test_cp1252_text_is_still_read_and_stray_controls_dropped() -> None:
    assert decode("Caf\u00e9 \u201cquoted\u201d \u2014 ok".encode("cp1252"), Path("s.txt")) == "Café “quoted” — ok"
    assert decode(b"a\x0bb\x1bc\x0cd " + b"plain text " * 50, Path("s.txt")).startswith("abcd ")


def test_binary_seed_is_not_published(site: Path) -> None:
    (site / "seeds" / "image.txt").write_bytes(bytes((n * 7919 + 1) % 255 + 1 for n in range(20 * KB)))
    result = run_cli(site, "build", "--quiet")
    lines = _problem_lines(result, "image.txt")
    assert len(lines) == 1 and "binary" in lines[0]
    assert len(list((site / "content" / "briefings").glob("*.md"))) == 2


# --- duplicates ----------------------------------------------------------------------------------


def test_an_exact_duplicate_seed_is_reported_and_makes_no_second_briefing(site: Path) -> None:
    first = sorted((site / "seeds").glob("*.txt"))[0]
    (site / "seeds" / "zz-copy.txt").write_bytes(first.read_bytes())
    result = run_cli(site, "build", "--quiet")
    lines = _problem_lines(result, "zz-copy.txt")
    assert len(lines) == 1 and "same bytes as" in lines[0] and first.name in lines[0]
    assert len(list((site / "content" / "briefings").glob("*.md"))) == 2
    again = run_cli(site, "build", "--quiet")
    assert len(list((site / "content" / "briefings").glob("*.md"))) == 2 and _problem_lines(again, "zz-copy.txt")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_an_unreadable_briefings_seed_is_not_ingested_again(site: Path) -> None:
    run_cli(site, "build", "--quiet")
    briefings = sorted((site / "content" / "briefings").glob("*.md"))
    briefings[0].chmod(0)
    try:
        for cache in (site / ".cache").glob("seed-records*"):
            cache.unlink()  # cold: nothing remembers which seed the briefing came from
        run_cli(site, "build", "--quiet")
        assert sorted((site / "content" / "briefings").glob("*.md")) == briefings
    finally:
        briefings[0].chmod(0o644)


def test_an_unreadable_briefings_seed_is_not_ingested_again_as_root(site: Path, monkeypatch) -> None:
    """The same, in process, with the briefing made unreadable by refusing to open it (root can
    read any file, so chmod cannot make one unreadable here)."""
    from generator.ingest import stage

    config = load_config(site / "site.yaml")
    stage.ingest_seeds(config)
    briefings = sorted((site / "content" / "briefings").glob("*.md"))
    for cache in config.cache_dir.glob("seed-records*"):
        cache.unlink()
    real_read_text = Path.read_text

    def read_text(path: Path, *args, **kwargs) -> str:
        if path == briefings[0]:
            raise PermissionError(13, "Permission denied")
        return real_read_text(path, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", read_text)
    report = stage.ingest_seeds(config, jobs=1)
    assert sorted((site / "content" / "briefings").glob("*.md")) == briefings
    assert len(report.problems) == 1 and "cannot be read" in report.problems[0].message


# --- giving way ----------------------------------------------------------------------------------


def test_a_build_given_big_seeds_stops_within_a_second_of_ctrl_c(site: Path) -> None:
    """Seeds of one long word and of many blank lines (a regex backtracking over such a run is one
    call, which the interpreter cannot interrupt), and a long text of figures and attribution."""
    (site / "seeds" / "a-word.txt").write_text("a" * 1_200_000)
    (site / "seeds" / "b-blank.txt").write_text("Officials said the talks had stalled.\n" + "\n" * 150_000 + "It rained.\n")
    sentence = "Officials said 12 troops were killed, and the ministry said 40 tanks were destroyed. "
    (site / "seeds" / "big.txt").write_text(sentence * (1_900_000 // len(sentence)))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    # SIGINT as a terminal delivers it: a shell's background job (CI started with `&`) inherits it
    # ignored, and Python then leaves it ignored, so the build would run to its end.
    build = subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=site, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(4)  # into the ingest of the big seed
    assert build.poll() is None, "the build should still be ingesting"
    sent = time.perf_counter()
    os.killpg(build.pid, signal.SIGINT)
    try:
        build.wait(timeout=10)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
    assert time.perf_counter() - sent < 1.5
    assert build.returncode != 0
