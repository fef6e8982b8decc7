"""What sanitising bodies costs: `python -m bench.sanitise_bench [BRIEFINGS]` (default 300).

On the bench corpus (bench/corpus.py), per body: converting the Markdown, the sanitiser's fast
way (a body Markdown alone made, its URLs plain), and nh3 on every body, as it would cost without
the fast way. Also the cost of finding the body's links when a briefing is loaded, against the
whole load. Best of several runs each; compare ratios, the machine is shared.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench import corpus
from generator.config.settings import load_config
from generator.content.documents import _destinations, load_content, load_document
from generator.render.renderer import Renderer
from generator.content.sanitise import _CLEANER, safe_body


def best(run: Callable[[], object], times: int = 5) -> float:
    seconds = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - start)
    return min(seconds)


def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder)
        corpus.write_content(corpus.briefings(count), site / "content" / "briefings")
        (site / "site.yaml").write_text("title: bench\n", encoding="utf-8")
        config = load_config(site / "site.yaml")
        documents = load_content(config.content_dir).documents
        renderer = Renderer(config)
        renderer.link_to(documents)
        converted = [(renderer.markdown_html(d), d.body) for d in documents]
        per_body = 1e6 / len(documents)
        markdown = best(lambda: [renderer.markdown_html(d) for d in documents], 3) * per_body
        fast = best(lambda: [safe_body(html, body) for html, body in converted]) * per_body
        cleaner = best(lambda: [_CLEANER.clean(html) for html, _ in converted]) * per_body
        load = best(lambda: [load_document(d.path, config.content_dir) for d in documents], 3) * per_body
        links = best(lambda: [list(_destinations(body)) for _, body in converted]) * per_body
    print(f"{len(documents)} briefings, µs a body: Markdown {markdown:.0f}; sanitising, fast way {fast:.1f} "
          f"({fast / markdown:.1%} of Markdown), nh3 on every body {cleaner:.0f} ({cleaner / markdown:.1%}); "
          f"loading {load:.0f}, of it finding links {links:.0f} ({links / load:.1%})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
