"""YAML reading: the values are PyYAML's, however they are built."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench import corpus
from generator.problems import ProblemError
from generator.config.yamlfile import front_matter_text, load_yaml, split_front_matter

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = [
    "title: A\ntags: [a, b]\nnested: {k: [1, 2.5, true, null, ~, 2024-03-01, 2024-03-01T10:00:00+02:00]}\n",
    "a: &x {b: [1, 2]}\nc: *x\nd: &s text\ne: *s\n",  # aliases are the anchor's very object
    "base: &b {x: 1, y: 2}\nmerged:\n  <<: *b\n  y: 3\n",  # merge keys: left to PyYAML
    "twice: 1\ntwice: 2\n",
    "1: int key\n2024-01-01: date key\nnull: null key\n",
    "set: !!set {a, b}\nomap: !!omap [{a: 1}, {b: 2}]\nbinary: !!binary aGk=\n",
    "numbers: [0x1f, 0o17, 1_000, 1:30, .inf, -.Inf, .nan, +12, 1e3, '12']\n",
    "bools: [yes, No, on, OFF, true, False, y, n]\n",
    "empty: {}\nnone: []\nblank:\nquoted: ''\n",
    "text: |\n  two\n  lines\nfolded: >\n  one\n  line\n",
    "explicit: !!str 12\nmap: !!map {a: 1}\nseq: !!seq [1]\n",
    "long: " + "x" * 100 + "\n",
    "recursive: &r [1, *r]\n",
    "again: [12, '12', !!str 12, 12, 2024-03-01, '2024-03-01', 2024-03-01, yes, 'yes', yes]\n",  # tags remembered
]
PYYAMLS_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # PyYAML's own resolver and constructor


def pyyaml(text: str) -> object:
    loader = PYYAMLS_LOADER(text)
    try:
        node = loader.get_single_node()
        return loader.construct_document(node) if node is not None else {}
    finally:
        loader.dispose()


def ours(text: str) -> object:
    return load_yaml(text, Path("x.yaml")).data


@pytest.mark.parametrize("text", DOCUMENTS)
def test_values_are_pyyamls(text):
    theirs, mine = pyyaml(text), ours(text)
    if "recursive" in text:
        assert mine["recursive"][1] is mine["recursive"]
    else:
        assert mine == theirs and repr(mine) == repr(theirs)  # repr: 1 and True, 1.0 and 1 differ


def test_an_alias_is_its_anchors_object():
    data = ours(DOCUMENTS[1])
    assert data["a"] is data["c"]


@pytest.mark.parametrize("text, line", [
    ("title: A\nkey: !!map scalar\n", 2),
    ("? [a, b]\n: unhashable\n", 1),
    ("title: A\ndate: 2024-13-01\n", 2),  # PyYAML itself lets ValueError through for these two
    ("a: !!int nope\n", 1),
    ("base: &b {x: 1}\nmerged:\n  <<: *b\n  when: 2024-02-30\n", 1),  # PyYAML's constructor: no line of its own
])
def test_what_pyyaml_refuses_is_one_problem_with_its_line(text, line):
    with pytest.raises((yaml.YAMLError, ValueError)):
        pyyaml(text)
    with pytest.raises(ProblemError, match="invalid YAML") as raised:
        load_yaml(text, Path("x.yaml"))
    assert raised.value.problem.line == line


def test_every_front_matter_in_the_repository_and_the_bench_corpus(tmp_path):
    corpus.write_content(corpus.briefings(40), tmp_path)
    files = sorted((ROOT / "content").rglob("*.md")) + sorted(tmp_path.glob("*.md"))
    front = [text for text in (front_matter_text(path.read_text(encoding="utf-8")) for path in files) if text]
    assert len(front) >= 42
    for text in front:
        assert repr(ours(text)) == repr(pyyaml(text))


@pytest.mark.parametrize("text, meta, body, body_line", [
    ("---\ntitle: A\n---\nBody\n", {"title": "A"}, "Body\n", 4),
    ("---\n---\nBody", {}, "Body", 3),
    ("---\ntitle: A\n--- \t\n\nBody", {"title": "A"}, "Body", 5),
    ("---\ntitle: A\n...\nBody", {"title": "A"}, "Body", 4),
    ("---\ntitle: '---'\nx: a ---\n---\nBody", {"title": "---", "x": "a ---"}, "Body", 5),
    ("\ufeff---\ntitle: A\n---\nBody", {"title": "A"}, "Body", 4),
    ("Body only\n---\n", {}, "Body only\n---\n", 1),
])
def test_front_matter_ends_at_its_closing_line(text, meta, body, body_line):
    split = split_front_matter(text, Path("x.md"))
    assert (split.meta.data, split.body, split.body_line) == (meta, body, body_line)


def test_front_matter_never_closed_is_a_problem():
    with pytest.raises(ProblemError, match="never closed"):
        split_front_matter("---\ntitle: A\n----\nBody", Path("x.md"))
