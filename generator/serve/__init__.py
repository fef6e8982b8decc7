"""`python -m generator serve`: build, serve on loopback, watch, rebuild what changed, reload browsers.

server.py is the HTTP side (files, the reload script, Server-Sent Events), watch.py the file
watching, loop.py the build loop (the engine kept in memory between saves), reload.js the script pages get.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from generator.config.settings import Config
from generator.serve.loop import BuildLoop
from generator.serve.server import bind
from generator.serve.watch import ChangeQueue, watch
from generator.utils.cancel import Cancel

QUIET = 0.05  # seconds without a further change before building: editors save in bursts


def serve(load_config: Callable[[], Config], site_file: Path, host: str = "127.0.0.1", port: int = 8000,
          include_drafts: bool = False, echo: Callable[[str], None] = print) -> None:
    """Run until Ctrl-C (or SIGTERM), even during the first build, then end the process.
    load_config is called again whenever site_file (site.yaml) changes."""
    for stop in (signal.SIGINT, signal.SIGTERM):  # also when started with SIGINT ignored, as `cmd &` does
        signal.signal(stop, signal.default_int_handler)
    try:
        _serve(load_config, site_file, host, port, include_drafts, echo)
    except KeyboardInterrupt:
        echo("Stopped.")
    # At once: the interpreter's teardown of all the pipeline loaded (modules, gazetteers, the kept
    # build) takes most of a second, and there is nothing left to save: every write is done or
    # would be cut short by the teardown all the same.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _serve(load_config: Callable[[], Config], site_file: Path, host: str, port: int, include_drafts: bool,
           echo: Callable[[str], None]) -> None:
    queue = ChangeQueue()
    loop = BuildLoop(load_config, site_file, include_drafts, echo, cancel=Cancel(queue.pending))
    loop.first_build()
    server = bind(host, port, loop.live)
    config = loop.config
    config.content_dir.mkdir(parents=True, exist_ok=True)  # watched from the start, even before a first briefing
    observer = watch([config.seeds_dir, config.content_dir, config.layouts_dir], [site_file.resolve()], queue)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, name="http", daemon=True).start()
    builder = threading.Thread(target=_build_forever, args=(queue, loop), name="build", daemon=True)
    builder.start()
    host_shown, port_shown = server.server_address[:2]
    echo(f"Serving http://{host_shown}:{port_shown}{config.base_path} (Ctrl-C to stop)")
    try:
        while builder.is_alive():
            builder.join(0.2)
    finally:
        queue.close()
        loop.live.close()
        server.shutdown()
        server.server_close()
        observer.stop()


def _build_forever(queue: ChangeQueue, loop: BuildLoop) -> None:
    while (paths := queue.take(QUIET)) is not None:
        loop.rebuild(paths)
