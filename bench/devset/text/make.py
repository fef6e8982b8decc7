"""The text devset: pasted-article seeds made from real saved pages, with their truth.

    python -m bench.devset.text.make OUT [--source ../shared/devset/aeb] [--holdout | --unseen N]

Each page of the source (ground-truth.json bodies, html/<id>.html.gz pages) becomes OUT/<id>.txt,
pasted the ways people paste: one long line for half, paragraphs for the other half; a headline
line on top for half; cruft around and inside (banners, AI-voice notices, bylines, bios, credit
lines, captions, related headlines, share and cookie lines, and kinds nobody listed). OUT/truth.json
holds, per seed: title (when pasted on top), authors, outlet, date, whether the text carries an
outlet clue and a byline or bio, the exact cruft strings inserted, and the body.
The two real seeds in seeds/ are added with their known truth (real-seeds.json).

Everything is drawn from random.Random(f"{variant}:{id}"): the same command makes the same files.
The texts are publishers' words: they are made at run time, never committed.
--holdout draws other choices and adds cruft kinds the devset never shows (HOLDOUT_CRUFT), to check
that rules tuned on the devset carry over to shapes they were not tuned on. --unseen N draws again and
adds kinds of its own (UNSEEN_CRUFT[N - 1]), each list written before the rules that came after it
were: once a rule has been fitted to the holdout, an unseen set is what says whether it generalised.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import shutil
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import click

from bench.devset.text.page_truth import page_truth
from bench.devset.text.unseen3 import UNSEEN3_CRUFT
from bench.devset.text.unseen4 import UNSEEN4_CRUFT
from bench.devset.text.unseen5 import UNSEEN5_CRUFT
from bench.devset.text.unseen6 import UNSEEN6_CRUFT
from bench.devset.text.unseen7 import UNSEEN7_CRUFT
from bench.devset.text.unseen8 import UNSEEN8_CRUFT
from bench.devset.text.unseen10 import UNSEEN10_CRUFT
from bench.devset.text.unseen9 import UNSEEN9_CRUFT

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[2]
DEFAULT_SOURCE = REPO.parent / "shared" / "devset" / "aeb"
_MIN_WORDS = 60

_TOPICS = ["US politics", "the impeachment inquiry", "Hong Kong protests", "the trade war", "Brexit",
           "the 2020 election", "space exploration", "the NFL season", "climate change", "the economy"]
_CITIES = ["WASHINGTON", "LONDON", "NEW YORK", "HONG KONG", "LOS ANGELES", "BERLIN", "PARIS", "SYDNEY"]
_PEOPLE = ["Maria Keller", "Tom Ashby", "Priya Nair", "Daniel Okafor", "Elena Rossi", "Sam Whitfield"]
_BEATS = ["technology", "politics", "business", "science", "sport", "health", "culture"]


@dataclass
class SeedTruth:
    id: str
    file: str
    shape: str  # "one-line" or "paragraphs"
    title: str | None  # the pasted headline, when one is on top
    authors: list[str]
    outlet: str | None
    date: str | None  # YYYY-MM-DD
    url: str | None
    outlet_clue: bool  # an inserted line names the outlet
    byline: bool  # an inserted byline or bio names the authors
    date_in_text: bool  # an inserted line states the publication date
    cruft: list[str] = field(default_factory=list)
    body: str = ""


def page_truths(source: Path) -> dict[str, dict[str, Any]]:
    """Each page's truth: body and URL from ground-truth.json; title, authors, date, outlet from its
    HTML, corrected by hand. `page_authors` also keeps an agency or outlet byline when no person is named."""
    truth = json.loads((source / "ground-truth.json").read_text(encoding="utf-8"))
    corrections = json.loads((HERE / "corrections.json").read_text(encoding="utf-8"))
    pages = {}
    for page_id in sorted(truth):
        raw = gzip.decompress((source / "html" / f"{page_id}.html.gz").read_bytes())
        read = page_truth(raw, truth[page_id].get("url", ""))
        meta = _normalise(read, page_id, corrections)
        pages[page_id] = meta | {"body": truth[page_id]["articleBody"].strip(),
                                 "page_authors": meta["authors"] or _agencies(read.get("authors") or [])}
    return pages


def make_devset(source: Path, out: Path, holdout: bool = False, unseen: int = 0) -> list[SeedTruth]:
    pages = {k: v for k, v in page_truths(source).items() if len(v["body"].split()) >= _MIN_WORDS}
    out.mkdir(parents=True, exist_ok=True)
    titles = [meta["title"] for meta in pages.values() if meta["title"]]
    variant, extra = ("dev", [])
    if unseen:
        variant, extra = "unseen" + (str(unseen) if unseen > 1 else ""), UNSEEN_CRUFT[unseen - 1]
    elif holdout:
        variant, extra = "holdout", HOLDOUT_CRUFT
    seeds = [_paste(page_id, index, meta, titles, random.Random(f"{variant}:{page_id}"), extra, out)
             for index, (page_id, meta) in enumerate(pages.items())]
    seeds += _real_seeds(out)
    (out / "truth.json").write_text(json.dumps([asdict(s) for s in seeds], ensure_ascii=False, indent=1), encoding="utf-8")
    return seeds


# --- the truth of a page --------------------------------------------------------------------------

def _normalise(meta: dict[str, Any], page_id: str, corrections: dict[str, Any]) -> dict[str, Any]:
    host = re.sub(r"^www\.", "", meta["url"].split("/")[2]) if meta.get("url") else ""
    outlet = _outlet(meta.get("outlet"), host, corrections["outlets"])
    fixed = {**meta, "outlet": outlet, "title": _title(meta.get("title") or "", outlet),
             "authors": _authors(meta.get("authors") or [], outlet), "date": _date(meta.get("date"), meta.get("url") or "")}
    return fixed | next((v for k, v in corrections["pages"].items() if page_id.startswith(k)), {})


def _outlet(declared: str | None, host: str, corrected: dict[str, str | None]) -> str | None:
    for key in (host, ".".join(host.split(".")[-2:]), ".".join(host.split(".")[-3:])):
        if key in corrected:
            return corrected[key]
    if not declared or declared.startswith("http"):
        return None
    return declared.split(" | ")[0].strip()


def _title(title: str, outlet: str | None) -> str:
    """Without a trailing " - Site" / " | Site" naming the outlet: that is the page's, not the headline."""
    parts = re.split(r" [|–-] (?=[^|–-]{2,45}$)", title)
    if len(parts) == 2 and outlet and _key(parts[1])[:6] in _key(outlet) + _key(outlet).replace("the", ""):
        return parts[0].strip()
    if len(parts) == 2 and _key(parts[1]) in {"thehill", "morebikes", "ign", "digg", "sportsnetca", "entermedia"}:
        return parts[0].strip()
    return title


def _authors(names: list[str], outlet: str | None) -> list[str]:
    """People only: job titles, outlets, agencies and handles are not names a byline would carry."""
    kept = []
    for name in names:
        name = re.sub(r"^(?:Analysis )?by ", "", re.split(r"(?<=\w\w)\. ", name)[0], flags=re.I).strip()
        words = name.split()
        if not 2 <= len(words) <= 4 or re.search(r"(?i)\b(writer|editor|staff|news|press|bureau|reports|business|"
                                                 r"team|desk|international|editorial)\b", name):
            continue
        if outlet and _key(name) == _key(outlet) or not all(w[:1].isupper() for w in words):
            continue
        kept.append(name.title() if name.isupper() else name)
    return kept


def _agencies(names: list[str]) -> list[str]:
    """Bylines that name an agency or newsroom ("Reuters", "BBC News"), not a handle or a job title."""
    return [n for n in names if n[:1].isupper() and not re.search(r"(?i)\b(writer|editor|admin)\b", n) and " " in n
            or n in {"Reuters", "AFP", "PTI", "RT", "Sky"}]


def _date(date: str | None, url: str) -> str | None:
    if date and not date.startswith("0001"):
        return date
    found = re.search(r"/(20\d\d)/(\d\d)/(\d\d)/", url)  # the page's own URL dates it when its metadata does not
    return f"{found[1]}-{found[2]}-{found[3]}" if found else None


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


# --- pasting ----------------------------------------------------------------------------------------

def _paste(page_id: str, index: int, meta: dict[str, Any], titles: list[str], rng: random.Random,
           extra: list[str], out: Path) -> SeedTruth:
    one_line, titled = index % 2 == 0, (index // 2) % 2 == 0
    paragraphs = [p.strip() for p in meta["body"].split("\n") if p.strip()]
    seed = SeedTruth(page_id, f"{page_id[:16]}.txt", "one-line" if one_line else "paragraphs",
                     meta["title"] if titled and meta["title"] else None, meta["authors"], meta["outlet"],
                     meta["date"], meta.get("url"), False, False, False, body="\n\n".join(paragraphs))
    head, inside, tail = _cruft(meta, titles, rng, seed, extra)
    leads = [line for line in head if line.endswith(("—", " -"))]
    if leads:
        head.remove(leads[0])
        paragraphs[0] = f"{leads[0]} {paragraphs[0]}"
    if inside and len(paragraphs) > 2:
        for line in inside:
            paragraphs.insert(rng.randrange(1, len(paragraphs)), line)
    else:
        tail = inside + tail
    pieces = head + paragraphs + tail
    if one_line:
        text = " ".join(pieces)
    else:
        text = "\n".join(pieces) if rng.random() < 0.5 else "\n\n".join(pieces)
    if seed.title:
        text = f"{seed.title}\n{text}"
    (out / seed.file).write_text(text + "\n", encoding="utf-8")
    return seed


def _cruft(meta: dict[str, Any], titles: list[str], rng: random.Random, seed: SeedTruth,
           extra: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Cruft lines to put above, inside and below the article; the seed's truth records each one."""
    outlet, authors = meta["outlet"], meta["authors"]
    head: list[str] = []
    inside: list[str] = []
    tail: list[str] = []
    kinds = rng.sample(list(_KINDS), k=rng.randint(2, 5))
    for kind in kinds:
        where, line = _KINDS[kind](rng, meta, titles)
        if line:
            (head if where == "head" else inside if where == "inside" else tail).append(line)
    if authors and rng.random() < 0.6:
        where, line = rng.choice(_BYLINES)(rng, authors, outlet)
        (head if where == "head" else tail).insert(0 if where == "head" else len(tail), line)
        seed.byline = True
    if outlet and rng.random() < 0.5:
        tail.append(rng.choice(_OUTLET_LINES).format(outlet=outlet, year=(meta["date"] or "2019")[:4]))
    if meta["date"] and rng.random() < 0.35:
        head.insert(rng.randint(0, len(head)), _date_line(rng, meta["date"]))
        seed.date_in_text = True
    if extra:
        for _ in range(rng.randint(1, 3)):
            line = rng.choice(extra).format(title=rng.choice(titles), outlet=outlet or "the site",
                                                    n=rng.randint(2, 40))
            rng.choice((head, inside, tail)).append(line)
    seed.cruft = head + inside + tail
    seed.outlet_clue = bool(outlet) and any(outlet in line for line in seed.cruft)
    return head, inside, tail


def _banner(rng: random.Random, meta: dict[str, Any], titles: list[str]) -> tuple[str, str]:
    topic = rng.choice(_TOPICS)
    return "head", rng.choice([f"Live updates: follow the latest news on {topic}", f"Live coverage: {topic}",
                               f"Live updates: {topic}", f"LIVE: Follow our live coverage of {topic}"])


def _voice(rng: random.Random, meta: dict[str, Any], titles: list[str]) -> tuple[str, str]:
    return "head", rng.choice(["Listen to this article", f"Listen to this article · {rng.randint(2, 12)} min",
                               "This article was read by an AI voice.", "🎙️ Voice is AI-generated. Inconsistencies may occur.",
                               "Listen to this story. Enjoy more audio and podcasts on iOS or Android.",
                               f"Audio: {rng.randint(3, 9)} minutes · Narrated by an AI voice"])


def _newsletter(rng: random.Random, meta: dict[str, Any], titles: list[str]) -> tuple[str, str]:
    return rng.choice(["inside", "tail"]), rng.choice([
        "Sign up for our daily newsletter to get the latest news straight to your inbox.",
        f"Get the {meta['outlet'] or 'Morning'} newsletter – the day's top stories, free in your inbox every morning.",
        "Newsletter: The Morning Brief. Sign up here.",
        "Don't miss a story: subscribe to our free weekday briefing."])


def _credit(rng: random.Random, meta: dict[str, Any], titles: list[str]) -> tuple[str, str]:
    a, b, c = rng.sample(_PEOPLE, 3)
    return "tail", rng.choice([f"Reporting by {a}; Editing by {b}", f"Additional reporting by {a} in London; Writing by {b}; Editing by {c}",
                               f"Reporting by {a} and {b}; editing by {c}"])


def _dateline(rng: random.Random, meta: dict[str, Any], titles: list[str]) -> tuple[str, str]:
    # "(Reuters)" only on an agency's own story: on another outlet's it would be a false outlet clue.
    agency = {"Reuters": "Reuters", "Associated Press": "AP", "AFP": "AFP"}.get(meta["outlet"] or "")
    city = rng.choice(_CITIES)
    return "head", f"{city} ({agency}) -" if agency else f"{city} —"


def _share(rng: random.Random, meta: dict[str, Any], titles: list[str]) -> tuple[str, str]:
    return rng.choice(["head", "tail"]), rng.choice([
        "Share this article", "Share on Facebook Share on Twitter Share via Email", "Copy link", "Subscribe now",
        "We use cookies to improve your experience on our site. By continuing to browse you accept our cookie policy.",
        "Accept all cookies", "Share Tweet Email Print", "Save article"])


def _caption(rng: random.Random, meta: dict[str, Any], titles: list[str]) -> tuple[str, str]:
    person = rng.choice(_PEOPLE)
    return "inside", rng.choice([f"(Photo by {person}/Getty Images)", f"Photograph: {person}/AP", "Image: AFP via Getty Images",
                                 "(Image credit: Shutterstock)", f"FILE PHOTO: A general view of the scene. Photo: {person}/Reuters",
                                 f"The scene on Tuesday. Credit: {person} for The Associated Press"])


def _advert(rng: random.Random, meta: dict[str, Any], titles: list[str]) -> tuple[str, str]:
    return "inside", rng.choice(["Advertisement", "ADVERTISEMENT", "Story continues below advertisement",
                                 "Article continues after this ad", "Sponsored content"])


def _related(rng: random.Random, meta: dict[str, Any], titles: list[str]) -> tuple[str, str]:
    other = rng.choice([t for t in titles if t != meta["title"]])
    return "inside", rng.choice([f"Related: {other}", f"READ MORE: {other}", f"Recommended: {other}",
                                 f"You might also like: {other}", f"More from {meta['outlet'] or 'us'}: {other}"])


def _made_up(rng: random.Random, meta: dict[str, Any], titles: list[str]) -> tuple[str, str]:
    """Kinds no issue listed: what pages around an article also say."""
    return rng.choice(["head", "inside", "tail"]), rng.choice([
        f"Reading time: {rng.randint(2, 12)} minutes", "Click to enlarge", f"Comments ({rng.randint(1, 300)})",
        "This story has been updated with additional information.", f"Image 1 of {rng.randint(3, 20)}",
        "Already a subscriber? Log in", "Gift this article", "Most read", "Updated 2 hours ago",
        "Topics: Politics, Economy, World", "Tap to unmute"])


_KINDS = {"banner": _banner, "voice": _voice, "newsletter": _newsletter, "credit": _credit, "dateline": _dateline,
          "share": _share, "caption": _caption, "advert": _advert, "related": _related, "made_up": _made_up}

_OUTLET_LINES = ["Read more on {outlet}", "Continue reading on {outlet}", "© {year} {outlet}. All rights reserved.",
                 "This article originally appeared on {outlet}.", "Follow {outlet} on Twitter and Facebook."]

# Cruft kinds only the holdout shows: rules must not have been fitted to them.
HOLDOUT_CRUFT = ["Skip to main content", "Jump to comments", "Print this page", "Trending: {title}",
                 "Watch: {title} (video, 2:31)", "Want more stories like this? Follow {outlet} on Google News.",
                 "Posted in News | Tagged world, politics", "{n} people are reading this now", "Back to top",
                 "Send us your tips: tips@example.com", "Loading…", "Open in app"]
# Kinds neither the devset nor the holdout shows, for --unseen 1 to 10 (3 to 10 in files of their own).
UNSEEN_CRUFT = [[
                "Hide caption", "Add a comment", "View {n} comments", "Report an error", "{n} shares", "Read in app",
                "Please enable JavaScript to view the comments.", "Sign in to save this article", "Photo gallery: {n} photos",
                "Scroll down for video", "Follow this topic", "Get push notifications", "{n} min read",
                "Ad · Scroll to continue with content", "Copied to clipboard", "What do you think? Leave a comment below.",
                "Listen to {outlet} on Spotify", "Produced by {outlet} Studios"], [
                "Comment on this story", "Reuse this content", "Explore more on these topics", "Most viewed", "Sections",
                "Log in to your account", "Show more", "More videos", "Next article", "Previous article",
                "Add to favourites", "Sponsored by {outlet}", "{n} Comments", "Up next: {title}", "Discover more from {outlet}",
                "This video can not be played", "Our journalism needs your support.", "Report this ad"],
                UNSEEN3_CRUFT, UNSEEN4_CRUFT, UNSEEN5_CRUFT, UNSEEN6_CRUFT, UNSEEN7_CRUFT, UNSEEN8_CRUFT, UNSEEN9_CRUFT,
                UNSEEN10_CRUFT]


def _names(authors: list[str]) -> str:
    return authors[0] if len(authors) == 1 else ", ".join(authors[:-1]) + " and " + authors[-1]


def _bylines() -> list[Any]:
    def by_bar(rng: random.Random, authors: list[str], outlet: str | None) -> tuple[str, str]:
        return "head", f"By {_names(authors)} | {outlet}" if outlet else f"By {_names(authors)}"

    def by_comma(rng: random.Random, authors: list[str], outlet: str | None) -> tuple[str, str]:
        return "head", f"By {_names(authors)}, {outlet}" if outlet else f"By {_names(authors)}"

    def by_plain(rng: random.Random, authors: list[str], outlet: str | None) -> tuple[str, str]:
        return "head", rng.choice([f"By {_names(authors)}", f"BY {_names(authors).upper()}", f"Written by {_names(authors)}",
                                   f"Words by {_names(authors)}"])

    def bio(rng: random.Random, authors: list[str], outlet: str | None) -> tuple[str, str]:
        name, beat, where = authors[0], rng.choice(_BEATS), outlet or "the paper"
        return "tail", rng.choice([f"{name} is a reporter at {where}.", f"{name} covers {beat} for {where}.",
                                   f"{name} is a senior {beat} correspondent for {where}.",
                                   f"About the writer {name} is a {where} reporter based in London. Read more",
                                   f"{name} writes about {beat} for {where}. Follow her on Twitter."])

    return [by_bar, by_comma, by_plain, bio]


_BYLINES = _bylines()


def _date_line(rng: random.Random, date: str) -> str:
    import datetime as dt

    day = dt.date.fromisoformat(date)
    return rng.choice([f"Published {day.day} {day:%B %Y}", f"Updated: {day:%b}. {day.day}, {day.year} 5:32 p.m. ET",
                       f"{day:%B} {day.day}, {day.year}", f"{day:%a} {day.day} {day:%b %Y} 06.00 GMT", f"{day:%d/%m/%Y} 14:05"])


def _real_seeds(out: Path) -> list[SeedTruth]:
    """seeds/*.txt with the truth the issue gives: their briefings must not get worse."""
    seeds = []
    for known in json.loads((HERE / "real-seeds.json").read_text(encoding="utf-8")):
        path = REPO / "seeds" / known["file"]
        if path.exists():
            shutil.copyfile(path, out / known["file"])
            seeds.append(SeedTruth(**{**known, "body": ""}))
    return seeds


@click.command()
@click.argument("out", type=click.Path(file_okay=False, path_type=Path))
@click.option("--source", default=DEFAULT_SOURCE, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--holdout", is_flag=True, help="Other draws, and cruft kinds the devset never shows.")
@click.option("--unseen", default=0, help="1 to 10: other draws again, and cruft kinds neither the devset nor the holdout shows.")
def main(out: Path, source: Path, holdout: bool, unseen: int) -> None:
    seeds = make_devset(source, out, holdout, unseen)
    click.echo(f"{len(seeds)} seeds in {out}")


if __name__ == "__main__":
    main()
