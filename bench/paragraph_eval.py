"""Score paragraphs rebuilt from one-line pastes against the articles' real paragraphs.

    python -m bench.paragraph_eval [--source ../shared/devset/aeb] [--show N]

Each saved page's body (ground-truth.json, one paragraph a line) is joined into one line, as a
reader pasting it from a page that lost its breaks gives it, and cleaned as any seed is, with
this repository's site.yaml. The rebuilt paragraphs are aligned word by word with the real ones;
a break counts where both texts have the words on either side of it. Printed:

- break precision and recall: rebuilt breaks that are real ones, real ones rebuilt;
- breaks between a quote and its attribution ("… ," he said.") and before a short reply
  ("Moscow denies this.") that the real article does not have: what restoring paragraphs must
  never do;
- the real and rebuilt paragraph sizes, in sentences.

Pages are split into a part to tune on and a held-out part by their id (one in four held out);
`--show` prints the tuned-on part's wrong breaks only. Pages are publishers' text: read at run
time, never committed; without the source folder nothing is scored.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import click

from generator.config.settings import load_config
from generator.ingest.clean import clean
from generator.text.sentences import split_sentences, starts_with_quote

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = REPO.parent / "shared" / "devset" / "aeb"
_ENDS_QUOTE = re.compile(r"[”\"’]\s*$|[”\"’][,.]?\s*$")
_SAID = re.compile(r"^(?:[\w.'’-]+ ){0,4}(?:said|says|added|adds|told|asked|wrote|explained|continued)\b")
_REPLY_WORDS = 8


@dataclass
class Tally:
    pages: int = 0
    real: int = 0  # real breaks both texts can see
    rebuilt: int = 0  # rebuilt breaks both texts can see
    right: int = 0
    quote_split: int = 0  # a break between a quote and the attribution after it, not in the real text
    reply_split: int = 0  # a break before a short sentence, not in the real text
    real_sizes: list[int] = field(default_factory=list)
    rebuilt_sizes: list[int] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)


def _breaks(paragraphs: list[str]) -> tuple[list[str], set[int]]:
    """The words of the paragraphs, and the index of each paragraph's first word but the first's."""
    words: list[str] = []
    starts: set[int] = set()
    for paragraph in paragraphs:
        if words:
            starts.add(len(words))
        words.extend(paragraph.split())
    return words, starts


def score_page(body: str, cruft: list[re.Pattern[str]], tally: Tally, show: bool) -> None:
    real = [line.strip() for line in body.splitlines() if line.strip()]
    if len(real) < 2:
        return
    rebuilt = clean(" ".join(real), cruft).paragraphs
    real_words, real_starts = _breaks(real)
    rebuilt_words, rebuilt_starts = _breaks(rebuilt)
    # rebuilt word index -> real word index, where the two agree
    aligned: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, rebuilt_words, real_words, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            aligned[block.a + k] = block.b + k
    seen = {aligned[i] for i in aligned if i - 1 in aligned and aligned[i - 1] == aligned[i] - 1}
    real_seen = real_starts & seen
    rebuilt_seen = {aligned[i] for i in rebuilt_starts if i in aligned and aligned[i] in seen}
    tally.pages += 1
    tally.real += len(real_seen)
    tally.rebuilt += len(rebuilt_seen)
    tally.right += len(real_seen & rebuilt_seen)
    tally.real_sizes.extend(len(split_sentences(p)) for p in real)
    tally.rebuilt_sizes.extend(len(split_sentences(p)) for p in rebuilt)
    for at in sorted(rebuilt_seen - real_seen):
        before = " ".join(real_words[max(0, at - 12):at])
        after = " ".join(real_words[at:at + 12])
        quote = bool(_ENDS_QUOTE.search(before)) and bool(_SAID.match(after)) and not starts_with_quote(after)
        sentence = split_sentences(" ".join(real_words[at:at + 40]))[:1]
        reply = bool(sentence) and sentence[0].count(" ") < _REPLY_WORDS
        tally.quote_split += quote
        tally.reply_split += reply
        if show:
            tally.wrong.append(f"  extra break{' (quote | attribution)' if quote else ''}"
                               f"{' (reply)' if reply else ''}: …{before[-70:]} ‖ {after[:70]}…")
    if show:
        for at in sorted(real_seen - rebuilt_seen):
            tally.wrong.append(f"  missed break: …{' '.join(real_words[max(0, at - 10):at])[-70:]} ‖ "
                               f"{' '.join(real_words[at:at + 10])[:70]}…")


def _held_out(page_id: str) -> bool:
    return int(page_id[:2], 16) % 4 == 0


def report(label: str, tally: Tally) -> None:
    precision = tally.right / tally.rebuilt if tally.rebuilt else 1.0
    recall = tally.right / tally.real if tally.real else 1.0
    mean = lambda xs: sum(xs) / len(xs) if xs else 0.0  # noqa: E731
    print(f"{label}: {tally.pages} pages")
    print(f"  breaks: precision {precision:.2f} ({tally.right}/{tally.rebuilt}), recall {recall:.2f} ({tally.right}/{tally.real})")
    print(f"  extra breaks between a quote and its attribution: {tally.quote_split}; before a short reply: {tally.reply_split}")
    print(f"  sentences a paragraph: real {mean(tally.real_sizes):.2f}, rebuilt {mean(tally.rebuilt_sizes):.2f}")


@click.command()
@click.option("--source", type=click.Path(path_type=Path), default=DEFAULT_SOURCE, show_default=True,
              help="saved pages with ground-truth.json")
@click.option("--show", type=int, default=0, help="print the wrong breaks of this many tuned-on pages")
def main(source: Path, show: int) -> None:
    truth = source / "ground-truth.json"
    if not truth.is_file():
        print(f"{truth}: not found, nothing scored")
        return
    pages = json.loads(truth.read_text(encoding="utf-8"))
    cruft = list(load_config(REPO / "site.yaml").ingest.cruft)
    tuned, held = Tally(), Tally()
    shown = 0
    for page_id, page in sorted(pages.items()):
        part = held if _held_out(page_id) else tuned
        detail = part is tuned and shown < show
        before = len(part.wrong)
        score_page(page["articleBody"], cruft, part, detail)
        if detail and len(part.wrong) > before:
            shown += 1
            print(f"\n{page_id[:8]}")
            print("\n".join(part.wrong[before:]))
    report("tuned on", tuned)
    report("held out", held)


if __name__ == "__main__":
    main()
