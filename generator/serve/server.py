"""HTTP for the dev server: the built site under its base path, the reload script and its event stream.

Files are served only from inside the output folder, whatever the spelling of the request
(`..`, `%2e%2e`, `%2f`, absolute paths, symlinks pointing out): see `resolve_inside`. HTML is
served with the reload script added before </body>; the files on disk never have it.

Only requests for this machine are answered (the Host header names localhost, a loopback address
or the address served on), so a web page cannot read the site through a name it points at
127.0.0.1 (DNS rebinding). A connection that sends no request for IDLE_TIMEOUT seconds is closed,
so idle or slow clients do not hold a thread each for ever; a client that goes away is no error.
"""

from __future__ import annotations

import errno
import ipaddress
import json
import sys
import mimetypes
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote

SCRIPT = Path(__file__).with_name("reload.js")
ENDPOINT = "__livereload/"  # under the base path: the events stream and the script
KEEPALIVE = 10.0  # seconds between comments on an idle event stream, so dead clients are noticed
IDLE_TIMEOUT = 5.0  # seconds a connection may wait on its client (for its request, or to take what is sent)
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARDS = frozenset({"", "0.0.0.0", "::"})
_TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".wasm": "application/wasm",
          ".json": "application/json", ".xml": "application/xml", ".svg": "image/svg+xml"}


@dataclass(frozen=True)
class News:
    """What browsers are told: the site's epoch (one per write), stylesheet swaps, build problems."""

    epoch: int = 0
    css_version: int = 0
    css: tuple[str, ...] = ()  # URL paths of the stylesheets that changed
    problems_version: int = 0
    problems: tuple[dict, ...] = ()  # {"file", "line", "message"}
    closed: bool = False


@dataclass(frozen=True)
class Reloading:
    """A reload told to browsers: its epoch, the files it changed and how many pages had one open."""

    epoch: int
    pages: frozenset[str]
    open_on: int


class LiveState:
    """Shared by the build loop (which publishes) and every request (which reads or waits)."""

    def __init__(self, root: Path, base_path: str) -> None:
        self.root = root
        self.base_path = base_path
        self.site_lock = threading.Lock()  # held while the build writes, so no request reads a half-written page
        self._condition = threading.Condition()
        self._news = News()
        self._changed: dict[str, int] = {}  # file in the site -> the epoch it last changed at
        self._all_changed = 0  # the last epoch at which something every page may use changed (a script, an image)
        self._streams: Counter[tuple[str | None, int]] = Counter()  # open event streams by (page file, epoch)

    @property
    def news(self) -> News:
        return self._news

    def reload(self, changed: list[str]) -> Reloading:
        """A new epoch, at which the files `changed` (paths inside the site) changed."""
        with self._condition:
            epoch = self._news.epoch + 1
            for path in changed:
                self._changed[path] = epoch
            if any(not path.endswith(".html") for path in changed):
                self._all_changed = epoch
            pages = frozenset(changed)
            open_on = sum(n for (page, _), n in self._streams.items() if page in pages)
            self._publish(lambda n: replace(n, epoch=epoch))
            return Reloading(epoch, pages, open_on)

    def await_reloaded(self, reloading: Reloading, timeout: float) -> bool:
        """Wait until as many pages showing the reloaded files are open again at its epoch (their
        new event streams) as were open before, or `timeout` seconds. Whether they all came back."""
        def back() -> bool:
            return reloading.open_on <= sum(n for (page, epoch), n in self._streams.items()
                                            if page in reloading.pages and epoch >= reloading.epoch)
        with self._condition:
            return self._condition.wait_for(back, timeout)

    @contextmanager
    def stream(self, page: str | None, epoch: int) -> Iterator[None]:
        """Counts an event stream, from the page showing the file `page` served at `epoch`, while it is open."""
        with self._condition:
            self._streams[page, epoch] += 1
            self._condition.notify_all()
        try:
            yield
        finally:
            with self._condition:
                self._streams[page, epoch] -= 1
                self._streams += Counter()  # drops the zero counts

    def changed_since(self, page: str | None, epoch: int) -> bool:
        """Whether a page served at `epoch` must reload: its own file changed since, or something
        every page may use. A page whose file is unknown (None: it was not found) reloads on any change."""
        if page is None:
            return self._news.epoch != epoch
        return max(self._all_changed, self._changed.get(page, 0)) > epoch

    def swap_css(self, urls: list[str]) -> None:
        self._publish(lambda n: replace(n, css_version=n.css_version + 1, css=tuple(urls)))

    def set_problems(self, problems: list[dict]) -> None:
        if tuple(problems) != self._news.problems:
            self._publish(lambda n: replace(n, problems_version=n.problems_version + 1, problems=tuple(problems)))

    def close(self) -> None:
        self._publish(lambda n: replace(n, closed=True))

    def wait(self, seen: News, timeout: float) -> News:
        """Return as soon as the news differs from `seen`, or after timeout."""
        with self._condition:
            self._condition.wait_for(lambda: self._news != seen, timeout)
            return self._news

    def _publish(self, change) -> None:
        with self._condition:
            self._news = change(self._news)
            self._condition.notify_all()


def resolve_inside(root: Path, encoded: str) -> Path | None:
    """The file or folder a request path (after the base path, still %-encoded) names inside root.

    None for anything that is, or could be, outside root."""
    path = unquote(encoded, errors="strict") if "%" in encoded else encoded
    if "\0" in path or "\\" in path:
        return None
    parts = [part for part in path.split("/") if part not in ("", ".")]
    if ".." in parts:
        return None
    target = root.joinpath(*parts)
    try:
        inside = target.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        return None
    return target if inside else None


def inject(html: bytes, base_path: str, epoch: int) -> bytes:
    tag = (f'<script src="{base_path}{ENDPOINT}reload.js" data-base="{base_path}" '
           f'data-epoch="{epoch}"></script>').encode()
    at = html.lower().rfind(b"</body>")
    return html[:at] + tag + html[at:] if at >= 0 else html + tag


class DevServer(ThreadingHTTPServer):
    daemon_threads = True  # an open event stream must not keep the process alive
    # Connections waiting to be accepted: a browser opens several at once, and one the queue has no
    # room for waits a second or more for the kernel to try again (socketserver's default is 5).
    request_queue_size = 64

    def __init__(self, address: tuple[str, int], live: LiveState) -> None:
        super().__init__(address, Handler)
        self.live = live
        self.bound_host = address[0].strip("[]").lower()

    def allows_host(self, header: str | None) -> bool:
        """Whether a request's Host header names this server: a name only a DNS lookup could send
        here (a rebound one) is refused. Without the header (HTTP/1.0 tools), no browser sent it."""
        if header is None:
            return True
        name = header.strip().lower()
        name = name[1:name.find("]")] if name.startswith("[") else name.rpartition(":")[0] if name.count(":") == 1 else name
        if name in LOOPBACK_NAMES or name == self.bound_host:
            return True
        return self.bound_host in WILDCARDS and _is_address(name)  # served on every interface: asked by address

    def handle_error(self, request: object, client_address: object) -> None:
        if isinstance(sys.exc_info()[1], OSError):  # the client left, reset or went quiet: nothing to report
            return
        super().handle_error(request, client_address)


def _is_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def bind(host: str, port: int, live: LiveState, tries: int = 20) -> DevServer:
    """A server on port, or the next free one after it."""
    for candidate in range(port, port + tries) if port else [0]:
        try:
            return DevServer((host, candidate), live)
        except OSError as error:
            if error.errno != errno.EADDRINUSE or candidate == port + tries - 1:
                raise
    raise AssertionError("unreachable")


class Handler(BaseHTTPRequestHandler):
    server: DevServer
    timeout = IDLE_TIMEOUT  # on the socket: reading the request, and writing to a client that takes nothing

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self._respond(body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(body=False)

    def log_message(self, format: str, *args: object) -> None:  # the terminal is for build news
        pass

    def _respond(self, body: bool) -> None:
        if not self.server.allows_host(self.headers.get("Host")):
            return self._send(b"Forbidden: this server answers only for localhost\n", "text/plain", body,
                              HTTPStatus.FORBIDDEN)
        live = self.server.live
        raw, _, query = self.path.partition("?")
        raw = raw.partition("#")[0]
        base = live.base_path
        if not raw.startswith(base):
            return self._redirect(base) if raw in ("/", base.rstrip("/")) else self._not_found(body)
        rest = raw[len(base):]
        if rest == ENDPOINT + "events":
            return self._events(query)
        if rest == ENDPOINT + "reload.js":
            return self._send(SCRIPT.read_bytes(), "text/javascript", body)
        try:
            target = resolve_inside(live.root, rest)
        except UnicodeDecodeError:
            target = None
        if target is None:
            return self._not_found(body)
        if target.is_dir():
            if not raw.endswith("/"):
                return self._redirect(raw + "/" + (f"?{query}" if query else ""))
            target = target / "index.html"
        self._send_file(target, body)

    def _send_file(self, target: Path, body: bool, status: HTTPStatus = HTTPStatus.OK) -> None:
        live = self.server.live
        with live.site_lock:
            try:
                data = target.read_bytes() if target.is_file() else None
            except OSError:
                data = None
            epoch = live.news.epoch
        if data is None:
            return self._not_found(body)
        kind = _TYPES.get(target.suffix) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        if kind == "text/html":
            data = inject(data, live.base_path, epoch)
        self._send(data, kind, body, status)

    def _send(self, data: bytes, kind: str, body: bool, status: HTTPStatus = HTTPStatus.OK) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY if location.endswith("/") else HTTPStatus.FOUND)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _not_found(self, body: bool) -> None:
        page = self.server.live.root / "404.html"
        if page.is_file():
            return self._send(inject(page.read_bytes(), self.server.live.base_path, self.server.live.news.epoch),
                              "text/html", body, HTTPStatus.NOT_FOUND)
        self._send(b"Not found\n", "text/plain", body, HTTPStatus.NOT_FOUND)

    def _events(self, query: str) -> None:
        """Server-Sent Events: `problems` now and on every change, `css` swaps, `reload` once the page's
        file changed since the epoch it was served at (then the stream ends; the page reloads)."""
        live = self.server.live
        asked = parse_qs(query)
        try:
            epoch = int(asked.get("epoch", ["-1"])[0])
        except ValueError:
            epoch = -1
        page = self._site_file(asked.get("page", [""])[0])
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        try:
            with live.stream(page, epoch):
                self._tell(page, epoch)
        except (BrokenPipeError, ConnectionResetError):
            return

    def _tell(self, page: str | None, epoch: int) -> None:
        live = self.server.live
        told = replace(live.news, problems_version=-1)  # the page has been told nothing yet
        while True:
            news = live.wait(told, KEEPALIVE)
            if news.closed:
                return
            if news.epoch != epoch and live.changed_since(page, epoch):
                return self._event("reload", news.epoch)
            if news.problems_version != told.problems_version:
                self._event("problems", list(news.problems))
            if news.css_version != told.css_version:
                self._event("css", {"version": news.css_version, "urls": list(news.css)})
            if news == told:
                self.wfile.write(b": keepalive\n\n")
                self.wfile.flush()
            told = news

    def _site_file(self, location: str) -> str | None:
        """The file in the site that a page's address shows, as reload() names it; None if there is none."""
        live = self.server.live
        if not location.startswith(live.base_path):
            return None
        try:
            target = resolve_inside(live.root, location[len(live.base_path):])
        except UnicodeDecodeError:
            return None
        if target is not None and target.is_dir():
            target = target / "index.html"
        return target.relative_to(live.root).as_posix() if target is not None and target.is_file() else None

    def _event(self, name: str, data: object) -> None:
        self.wfile.write(f"event: {name}\ndata: {json.dumps(data)}\n\n".encode())
        self.wfile.flush()
