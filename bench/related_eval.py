"""Measure related briefings against the related-links devset: `python -m bench.related_eval`.

Builds briefings from real articles (../shared/devset/aeb's saved pages and this repository's
seeds) through the real ingest and link stages in a temporary folder, then scores the related
lists against bench/devset/related/groups.yaml, read by people: precision of the links shown
(genuine: same story or same topic), recall per kind of pair, and the share of briefings with no
genuine partner that show a list anyway; and, for articles on a sub-story of a larger story (in a
story group within a topic group, as the impeachment hearings within the impeachment inquiry), how
often the first link is to the same sub-story. Each figure is given for the groups tuned on and
for the held-out ones. Skips (exit 0) when ../shared/devset/aeb is absent.

    python -m bench.related_eval [--keep DIR] [--show] [--fit] [--misses [--held-out-misses]] [--intervals]

--keep DIR ingests into DIR once and reuses it on later runs (linking is what changes);
--show prints every link shown of the tuned part, marked genuine or not, and every genuine pair
missed there (never the held-out part's: it is for checking, not for looking at);
--fit prints generator/linking/related.py's model fitted anew on the tuned part (to be copied
into it when the signals or the extractor change);
--misses lists the tuned part's same-story pairs missed (in either direction), grouped by kind,
each with its score and what the two share, signal by signal; --held-out-misses lists the
held-out part's too, which spends it: say so when reporting its figures afterwards;
--intervals gives each share with its 95% interval, as the held-out part is small: links and
pairs, counted from both their briefings, count once there.
"""

from __future__ import annotations

import gzip
import math
import shutil
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import click
import numpy as np

from generator.config.settings import Config, load_config
from generator.content.documents import Document, load_content
from generator.ingest.stage import ingest_seeds
from generator.text.entities import Lexicon
from generator.linking.archive import briefing_features, credit_names, link_archive
from generator.linking.entities import index_entities
from generator.linking.facts import facts_of
from generator.linking.related import _REASONS, Features, Relation, candidate_evidence, pair_evidence
from generator.config.yamlfile import load_yaml_file

ROOT = Path(__file__).resolve().parent.parent
AEB = ROOT.parent / "shared" / "devset" / "aeb"
GROUPS = Path(__file__).resolve().parent / "devset" / "related" / "groups.yaml"
KINDS = ("story", "topic")
_SEED = "seed:"
# Signals the devset cannot calibrate, given by judgement instead: its articles are from three
# days of November 2019, so closeness in time hardly varies; and only its two seeds share a figure
# on a quantity readers track. Sharing such a figure weighs about as much as sharing a rare name,
# and a briefing of the same day is worth e (2.7) times the odds of one `time_days` apart, which
# is worth as much again over one twice as far apart or more.
FIXED = {"figures": 2.0, "time": 1.0}
# The kinds of names share one coefficient: which kind the extractor gives a name ("MacBook Pro" a
# person, "Burisma" a place) varies with the extractor, and a name in common is evidence whatever
# its kind; site.yaml's weights still tell them apart.
NAMED = ("people", "places", "organisations")


@dataclass
class Truth:
    """Genuine pairs by kind (unordered, as frozensets of article names) and which are held out."""

    pairs: dict[frozenset[str], str] = field(default_factory=dict)  # pair -> "story" or "topic"
    held_out_pairs: set[frozenset[str]] = field(default_factory=set)
    held_out: set[str] = field(default_factory=set)  # articles in a held-out group

    def partnered(self) -> set[str]:
        return {name for pair in self.pairs for name in pair}


def read_truth(path: Path = GROUPS) -> Truth:
    """Every pair within a story group is a same-story pair; every other pair within a topic group
    is a same-topic pair."""
    truth = Truth()
    groups = load_yaml_file(path).data["groups"]
    for kind in KINDS:  # stories first: a pair in both kinds of group is a same-story pair
        for group in groups:
            if group["kind"] != kind:
                continue
            for a, b in combinations(group["ids"], 2):
                pair = frozenset((a, b))
                truth.pairs.setdefault(pair, kind)
                if group.get("holdout"):
                    truth.held_out_pairs.add(pair)
            if group.get("holdout"):
                truth.held_out.update(group["ids"])
    return truth


def is_held_out(name: str, truth: Truth) -> bool:
    """Articles of held-out groups, and a third of those in no group (by their id, fixed)."""
    if name in truth.held_out:
        return True
    if name in truth.partnered() or name.startswith(_SEED):
        return False
    return zlib.crc32(name.encode()) % 3 == 0


def write_seeds(seeds: Path) -> dict[str, str]:
    """The devset's articles as seeds: each saved page unpacked, and the repository's own seeds.
    Returns seed file name -> article name as groups.yaml writes it."""
    seeds.mkdir(parents=True, exist_ok=True)
    names = {}
    for page in sorted((AEB / "html").glob("*.html.gz")):
        article = page.name.split(".")[0]
        (seeds / f"{article}.html").write_bytes(gzip.decompress(page.read_bytes()))
        names[f"{article}.html"] = article[:8]
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copyfile(seed, seeds / seed.name)
        names[seed.name] = _SEED + seed.name
    return names


def build(folder: Path, truth: Truth, fit: bool) -> tuple[list[Document], dict[str, list[Relation]], dict[str, str]]:
    """Ingest (once per folder) and link (with `fit`, print the model fitted first); returns the
    briefings, their related lists, and url -> article name."""
    briefings, related, article_of, _ = build_linked(folder, truth, fit)
    return briefings, related, article_of


def build_linked(folder: Path, truth: Truth, fit: bool
                        ) -> tuple[list[Document], dict[str, list[Relation]], dict[str, str], Config]:
    """build's, and the site's settings."""
    names = write_seeds(folder / "seeds") if not (folder / "seeds").is_dir() else None
    shutil.copyfile(ROOT / "site.yaml", folder / "site.yaml")
    config = load_config(folder / "site.yaml")
    if names is not None or not (folder / "content").is_dir():
        report = ingest_seeds(config)
        for problem in report.problems:
            print(f"  (not ingested: {problem})")
    documents = load_content(config.content_dir).documents
    archive = link_archive(config, documents)
    if fit:
        fit_model(config, archive.briefings, truth)
    article_of = {}
    for document in archive.briefings:
        article_of[document.url] = article(document)
    return archive.briefings, archive.related, article_of, config


def features_of(config: Config, briefings: list[Document]) -> list[Features]:
    """The briefings' related features, as the link stage makes them."""
    lexicon = Lexicon(config.entities)
    facts = {d.url: facts_of(d, lexicon) for d in briefings}
    return briefing_features(briefings, facts, index_entities(briefings, facts, lexicon), credits=credit_names(config))


def article(document: Document) -> str:
    """The article's name in groups.yaml, from the seed it was made from."""
    name = Path(str(document.meta.get("seed", {}).get("path", ""))).name
    return _SEED + name if name.endswith(".txt") else name.split(".")[0][:8]


def fit_model(config: Config, briefings: list[Document], truth: Truth) -> None:
    """Fit related.py's logistic model on the tuned part's candidate pairs (is the pair genuine?)
    and print its intercept and coefficients, to be written into related.py."""
    features = features_of(config, briefings)
    mine, theirs, evidence = candidate_evidence(briefings, features, config.related)
    names = [article(d) for d in briefings]
    tuned = np.array([not (is_held_out(names[a], truth) or is_held_out(names[b], truth))
                      for a, b in zip(mine.tolist(), theirs.tolist())], dtype=bool)
    genuine = np.array([frozenset((names[a], names[b])) in truth.pairs for a, b in zip(mine.tolist(), theirs.tolist())])
    names_at = [k for k, signal in enumerate(_REASONS) if signal in NAMED]
    free = [k for k, signal in enumerate(_REASONS) if signal not in FIXED and signal not in NAMED]
    offset = sum(FIXED[signal] * evidence[k] for k, signal in enumerate(_REASONS) if signal in FIXED)[tuned]
    x = np.vstack([np.ones(len(mine)), evidence[names_at].sum(axis=0), evidence[free]]).T[tuned]
    y = genuine[tuned].astype(float)
    w = np.zeros(x.shape[1])
    ridge = 0.1 * np.eye(x.shape[1])
    ridge[0, 0] = 0
    for _ in range(50):  # Newton's method on the L2-regularised log-likelihood
        p = 1 / (1 + np.exp(-(x @ w + offset)))
        gradient = x.T @ (p - y) + ridge @ w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + ridge
        w -= np.linalg.solve(hessian, gradient)
    coefficients = dict(zip([_REASONS[k] for k in free], w[2:].tolist())) | dict.fromkeys(NAMED, w[1]) | FIXED
    print(f"fitted on {len(y)} candidate pairs ({int(y.sum())} genuine), {', '.join(FIXED)} fixed:")
    print(f"_INTERCEPT = {w[0]:.2f}")
    print(f"_COEFFICIENTS = ({', '.join(f'{coefficients[s]:.2f}' for s in _REASONS)})  # {', '.join(_REASONS)}")


@dataclass
class Tally:
    shown: int = 0
    genuine: int = 0
    found: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    expected: dict[str, int] = field(default_factory=lambda: dict.fromkeys(KINDS, 0))
    alone: int = 0  # briefings with no genuine partner
    alone_listed: int = 0  # ... that show a list
    first_genuine: int = 0  # briefings with a partner whose first link is genuine
    partnered_listed: int = 0
    # Briefings with both a same-story and a same-topic partner (a sub-story of a larger story),
    # and those of them whose list puts a same-story partner first: the sub-story is told apart
    # from the rest of its story rather than linked through the names every briefing of it shares.
    sub_story: int = 0
    sub_story_first: int = 0

    def row(self, intervals: bool = False) -> list[str]:
        def share(a: int, b: int, per: int = 1) -> str:
            """a of b, with its 95% interval when asked, reckoned on a / per of b / per: links and pairs
            are counted from both their briefings, which makes each one two observations."""
            if not b:
                return "-"
            low, high = wilson(a / per, b / per)
            return f"{a / b:.2f} ({a}/{b}" + (f", {low:.2f}-{high:.2f})" if intervals else ")")
        return [share(self.genuine, self.shown, 2), share(self.found["story"], self.expected["story"], 2),
                share(self.found["topic"], self.expected["topic"], 2),
                share(self.alone - self.alone_listed, self.alone),
                share(self.first_genuine, self.partnered_listed), share(self.sub_story_first, self.sub_story)]


def wilson(found: float, out_of: float, z: float = 1.96) -> tuple[float, float]:
    """The Wilson score interval of the share found / out_of (95% for z = 1.96). The devset's pairs
    are not independent (a group's pairs share articles), so the true uncertainty is wider still."""
    share, spread = found / out_of, z * z / out_of
    centre = (share + spread / 2) / (1 + spread)
    half = z * math.sqrt(share * (1 - share) / out_of + spread / (4 * out_of)) / (1 + spread)
    return max(0.0, centre - half), min(1.0, centre + half)


def score(briefings: list[Document], related: dict[str, list[Relation]], article_of: dict[str, str],
          truth: Truth, show: bool) -> dict[str, Tally]:
    """Per part (tuned, held out), each briefing's list against the truth; pairs count in each direction."""
    tallies = {"tuned": Tally(), "held out": Tally()}
    partnered = truth.partnered()
    for document in briefings:
        mine = article_of[document.url]
        held_out = is_held_out(mine, truth)
        tally = tallies["held out" if held_out else "tuned"]
        show_mine = show and not held_out
        listed = [(article_of[r.document.url], r) for r in related.get(document.url, [])]
        for theirs, relation in listed:
            kind = truth.pairs.get(frozenset((mine, theirs)))
            tally.shown += 1
            tally.genuine += kind is not None
            if show_mine:
                print(f"  {'+' if kind else '-'}{kind or '':5} {relation.score:3} {document.title[:50]!r} -> "
                      f"{relation.document.title[:50]!r}: {'; '.join(r.text for r in relation.reasons)}")
        found = {theirs for theirs, _ in listed}
        if mine in partnered:
            if listed:
                tally.partnered_listed += 1
                tally.first_genuine += frozenset((mine, listed[0][0])) in truth.pairs
            kinds = set()
            for pair, kind in truth.pairs.items():
                if mine in pair:
                    (theirs,) = pair - {mine}
                    kinds.add(kind)
                    tally.expected[kind] += 1
                    tally.found[kind] += theirs in found
                    if show_mine and theirs not in found:
                        print(f"  missed {kind}: {document.title[:60]!r} -> {theirs}")
            if kinds == set(KINDS):
                tally.sub_story += 1
                tally.sub_story_first += bool(listed) and truth.pairs.get(frozenset((mine, listed[0][0]))) == "story"
        else:
            tally.alone += 1
            tally.alone_listed += bool(listed)
    return tallies


# A piece whose body names this many people, places and organisations or fewer, or has fewer words
# than _SHORT_WORDS, is a short piece (a teaser, a paywalled paragraph under a headline).
_FEW_NAMES = 3
_SHORT_WORDS = 150
_KINDS_OF_MISS = {
    "outranked": "scores the threshold, but the list is full of better-scoring briefings",
    "unscored": "never a candidate: no rare value in common",
    "short": "a short piece or one naming few: little to share",
    "wording": "no name in common: wording alone",
    "weak": "names in common, too few or too common",
}


def misses(briefings: list[Document], related: dict[str, list[Relation]], article_of: dict[str, str],
           truth: Truth, config: Config, held_out: bool) -> Iterator[str]:
    """The same-story pairs missed in either direction, of the tuned part (and the held-out one
    with `held_out`), grouped by kind (_KINDS_OF_MISS), each with its score and, per signal that
    added points, what the two share."""
    features = features_of(config, briefings)
    place = {article_of[d.url]: k for k, d in enumerate(briefings)}
    listed = {article_of[url]: [article_of[r.document.url] for r in relations] for url, relations in related.items()}
    found = []
    for pair, kind in sorted(truth.pairs.items(), key=lambda item: sorted(item[0])):
        a, b = sorted(pair)
        part = "held out" if pair in truth.held_out_pairs or is_held_out(a, truth) else "tuned"
        if kind != "story" or a not in place or b not in place or (part == "held out" and not held_out):
            continue
        missed = [f"{x}->{y}" for x, y in ((a, b), (b, a)) if y not in listed[x]]
        if missed:
            found.append((part, place[a], place[b], missed))
    evidence = pair_evidence(briefings, features, config.related, [(i, j) for _, i, j, _ in found])
    grouped: dict[str, list[str]] = {kind: [] for kind in _KINDS_OF_MISS}
    for (part, i, j, missed), pair in zip(found, evidence):
        ends = [(briefings[k], sum(len(features[k].values[s]) for s in ("people", "places", "organisations")))
                for k in (i, j)]
        named = bool(pair.shared.keys() - {"text"})
        kind = ("outranked" if pair.score >= config.related.threshold else "unscored" if not pair.candidate
                else "short" if any(names <= _FEW_NAMES or len(d.body.split()) < _SHORT_WORDS for d, names in ends)
                else "weak" if named else "wording")
        signals = "; ".join(f"{signal} {points:+.0f}" + (f" ({', '.join(pair.shared[signal][:6])})"
                                                         if pair.shared.get(signal) else "")
                            for signal, points in pair.points.items() if points)
        grouped[kind].append(
            f"    [{part}] {pair.score:3} missed {', '.join(missed)}: "
            + " ~ ".join(f"{d.title[:45]!r} ({len(d.body.split())} words, {names} names)" for d, names in ends)
            + f"\n        {signals or 'nothing in common'}")
    for kind, lines in grouped.items():
        if lines:
            yield f"  {_KINDS_OF_MISS[kind]} ({len(lines)}):"
            yield from lines


def table(tallies: dict[str, Tally], intervals: bool = False) -> Iterator[str]:
    header = ["part", "precision of links shown", "same-story recall", "same-topic recall",
              "no partner, no list", "first link genuine", "sub-story first"]
    yield "| " + " | ".join(header) + " |"
    yield "|" + " --- |" * len(header)
    for part, tally in tallies.items():
        yield "| " + " | ".join([part, *tally.row(intervals)]) + " |"


@click.command()
@click.option("--keep", type=click.Path(file_okay=False, path_type=Path), help="ingest into this folder once, reuse it")
@click.option("--show", is_flag=True, help="print the tuned part's links shown and genuine pairs missed")
@click.option("--fit", is_flag=True, help="print the model fitted on the tuned part, for related.py")
@click.option("--misses", "list_misses", is_flag=True, help="list the tuned part's same-story pairs missed, by kind")
@click.option("--held-out-misses", is_flag=True, help="with --misses, the held-out part's too (spends it)")
@click.option("--intervals", is_flag=True, help="give each share's 95% interval (Wilson)")
def main(keep: Path | None, show: bool, fit: bool, list_misses: bool, held_out_misses: bool, intervals: bool) -> None:
    if not (AEB / "ground-truth.json").is_file():
        print(f"skipped: {AEB} is absent")
        return
    truth = read_truth()
    with tempfile.TemporaryDirectory() as temporary:
        folder = keep or Path(temporary)
        folder.mkdir(parents=True, exist_ok=True)
        briefings, related, article_of, config = build_linked(folder, truth, fit)
        if list_misses:
            print("same-story pairs missed:")
            for line in misses(briefings, related, article_of, truth, config, held_out_misses):
                print(line)
    missing = truth.partnered() - set(article_of.values())
    if missing:
        print(f"  (marked but not built: {', '.join(sorted(missing))})")
    tallies = score(briefings, related, article_of, truth, show)
    print(f"{len(briefings)} briefings, {len(truth.pairs)} genuine pairs "
          f"({sum(k == 'story' for k in truth.pairs.values())} same story)")
    for line in table(tallies, intervals):
        print(line)


if __name__ == "__main__":
    main()
