"""One edited briefing in the dev server's engine: CPU seconds per stage, in one process.

    python -m bench.edit_bench [--n 2000] [--edits 3] [--site DIR] [--profile FILE]

A site of N generated briefings (bench/corpus.py, `paginate: 10`), built once by a Site kept in
memory (a MemoryStore, one process: as `serve` keeps it), then edits each appending a sentence to
the body of one of the newest briefings, run as the dev server runs them: the preview of the
edited page, then the engine's build of what the edit reaches, then the write of the pages that
changed. Figures are CPU seconds of this process (`time.process_time`), per stage, so that other
jobs on the machine do not count. `--profile FILE`: the last edit's build under cProfile (its
figures inflated by the profiler), its stats dumped to FILE. Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import shutil
import tempfile
import time
from pathlib import Path

from bench.corpus import briefings, write_content
from generator.config.settings import load_config
from generator.engine.pipeline import LiveSite, MemoryStore, Site, classify
from generator.engine.progress import Progress
from generator.engine.result import BuildResult, Clock

REPO = Path(__file__).resolve().parent.parent


class CpuStages(Progress):
    """CPU seconds of each stage the engine announces, from its start to the next one's."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.stage_name = ""
        self.started = time.process_time()

    def stage(self, name: str) -> None:
        self.lap()
        self.stage_name = name

    def lap(self) -> None:
        now = time.process_time()
        if self.stage_name:
            self.seconds[self.stage_name] = self.seconds.get(self.stage_name, 0.0) + now - self.started
        self.started = now


class CollectionTime:
    """CPU seconds spent in Python's cyclic garbage collections, and the most of a generation collected."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.oldest = -1
        self.started = 0.0
        gc.callbacks.append(self.hook)

    def hook(self, phase: str, info: dict) -> None:
        if phase == "start":
            self.started = time.process_time()
        else:
            self.seconds += time.process_time() - self.started
            self.oldest = max(self.oldest, info["generation"])

    def reset(self) -> None:
        self.seconds, self.oldest = 0.0, -1


def make_site(root: Path, count: int) -> list[Path]:
    """A site of `count` briefings in root; returns the briefing files, newest first."""
    config = (REPO / "site.yaml").read_text(encoding="utf-8").replace("paginate: 20", "paginate: 10")
    (root / "site.yaml").write_text(config, encoding="utf-8")
    shutil.copytree(REPO / "layouts", root / "layouts")
    items = briefings(count)
    write_content(items, root / "content" / "briefings")
    return [root / "content" / "briefings" / f"{item.slug}.md" for item in sorted(items, key=lambda i: i.date, reverse=True)]


def run(root: Path, count: int, edits: int, profile: str | None) -> None:
    started = time.process_time()
    newest = make_site(root, count)
    print(f"{count} briefings written in {time.process_time() - started:.1f} s CPU")
    site_file = root / "site.yaml"
    config = load_config(site_file)
    engine = Site(config, MemoryStore(), jobs=1)
    output = LiveSite(config)
    started = time.process_time()
    pages = engine.build(None, output, Clock(BuildResult()))
    assert pages is not None
    output.write(pages)
    print(f"first build: {time.process_time() - started:.1f} s CPU, {len(pages)} pages")
    print(f"{'edit':>4} | {'preview':>7} | {'load':>6} | {'link':>6} | {'render':>6} | {'write':>6} | {'whole':>6} "
          f"| {'of it gc':>8} | written")
    collections = CollectionTime()
    for n in range(edits):
        path = newest[n % 3]
        path.write_text(path.read_text(encoding="utf-8") + f"\nThe minister added a remark number {n}.\n",
                        encoding="utf-8")
        changes = classify(config, site_file, {path})
        collections.reset()
        begun = time.process_time()
        previewed = output.write_preview(engine.preview(changes))
        preview = time.process_time() - begun
        stages = CpuStages()
        profiler = cProfile.Profile() if profile and n == edits - 1 else None
        if profiler:
            profiler.enable()
        pages = engine.build(changes, output, Clock(BuildResult(), stages))
        stages.stage("write")
        assert pages is not None
        written = output.write(pages)
        stages.lap()
        if profiler:
            profiler.disable()
            profiler.dump_stats(profile)
        whole = time.process_time() - begun
        each = stages.seconds
        print(f"{n:>4} | {preview:>7.3f} | {each.get('load', 0):>6.3f} | {each.get('link', 0):>6.3f} | "
              f"{each.get('render and write', 0):>6.3f} | {each['write']:>6.3f} | {whole:>6.3f} | "
              f"{collections.seconds:>5.3f} {collections.oldest} | {len(set(written) | set(previewed))}")
    gc.unfreeze()  # what the engine left out of collections: any garbage cycles it held are found now
    print(f"a full collection after the edits: {gc.collect()} unreachable objects")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=2000, help="briefings")
    parser.add_argument("--edits", type=int, default=3, help="edits timed")
    parser.add_argument("--site", help="folder to make the site in (default: a temporary one, removed after)")
    parser.add_argument("--profile", help="dump the last edit's cProfile stats to this file")
    args = parser.parse_args()
    if args.site:
        Path(args.site).mkdir(parents=True)
        run(Path(args.site), args.n, args.edits, args.profile)
    else:
        with tempfile.TemporaryDirectory(prefix="edit-bench-") as folder:
            run(Path(folder), args.n, args.edits, args.profile)


if __name__ == "__main__":
    main()
