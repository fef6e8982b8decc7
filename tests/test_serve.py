"""The dev server without a browser: safe paths, the base path, injection, the build loop, Ctrl-C."""

from __future__ import annotations

import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from watchdog.events import EventsLostEvent

from generator.config.settings import load_config
from generator.serve import loop as loop_module
from generator.serve.loop import BuildLoop, SearchRefresher
from generator.serve.server import DevServer, LiveState, bind
from generator.serve.watch import ChangeQueue, _Forward, is_editor_temp
from tests.helpers import NATIONAL_SLUG, REPO

SECRET = "top secret, outside the site"


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[DevServer, Path]]:
    """A server for a small site folder under /sub/, with a secret beside it and a symlink out."""
    root = tmp_path / "public"
    (root / "story").mkdir(parents=True)
    (root / "index.html").write_text("<html><body><p>home</p></body></html>")
    (root / "story" / "index.html").write_text("<html><body><p>story</p></body></html>")
    (root / "style.css").write_text("body{}")
    (tmp_path / "secret.txt").write_text(SECRET)
    (root / "escape").symlink_to(tmp_path / "secret.txt")
    (root / "escape-folder").symlink_to(tmp_path)
    server = bind("127.0.0.1", 0, LiveState(root, "/sub/"))
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    yield server, root
    server.shutdown()
    server.server_close()


def raw_get(server: DevServer, path: str) -> tuple[int, dict[str, str], bytes]:
    """A request sent byte for byte as written: no client normalises the path."""
    with socket.create_connection(server.server_address[:2], timeout=5) as sock:
        sock.sendall(f"GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n".encode())
        response = b""
        while chunk := sock.recv(65536):
            response += chunk
    head, _, body = response.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    return int(lines[0].split()[1]), headers, body


@pytest.mark.parametrize("path", [
    "/sub/../secret.txt", "/sub/%2e%2e/secret.txt", "/sub/%2E%2E%2Fsecret.txt", "/sub/..%2fsecret.txt",
    "/sub/story/../../secret.txt", "/sub/%2e%2e%5csecret.txt", "/sub//" + "/".join([".."] * 8) + "/etc/passwd",
    "/sub/" + str(Path("/etc/passwd")), "/sub//etc/passwd", "/etc/passwd", "/sub/escape", "/sub/escape-folder/secret.txt",
    "/sub/%00", "/sub/%ff%fe", "http://localhost/sub/../secret.txt",
])
def test_nothing_outside_the_site_is_served(served, path):
    server, _ = served
    status, _, body = raw_get(server, path)
    assert status in (400, 404)
    assert SECRET.encode() not in body and b"root:" not in body


def test_the_site_is_served_under_its_base_path_with_the_script_added(served):
    server, root = served
    assert raw_get(server, "/")[:2][0] == 301 and raw_get(server, "/")[1]["Location"] == "/sub/"
    status, headers, body = raw_get(server, "/sub/story")
    assert status == 301 and headers["Location"] == "/sub/story/"
    status, headers, body = raw_get(server, "/sub/story/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert body.endswith(b'<script src="/sub/__livereload/reload.js" data-base="/sub/" data-epoch="0"></script></body></html>')
    assert "livereload" not in (root / "story" / "index.html").read_text(), "never written into the site"
    status, headers, body = raw_get(server, "/sub/style.css")
    assert status == 200 and body == b"body{}" and headers["Content-Type"].startswith("text/css")
    assert raw_get(server, "/sub/__livereload/reload.js")[0] == 200
    assert raw_get(server, "/sub/missing/")[0] == 404


def events(server: DevServer, page: str, epoch: int = 0) -> http.client.HTTPResponse:
    """The event stream that the page at address `page`, served at `epoch`, listens to."""
    connection = http.client.HTTPConnection(*server.server_address[:2], timeout=5)
    connection.request("GET", f"/sub/__livereload/events?epoch={epoch}&page={page.replace('/', '%2F')}")
    response = connection.getresponse()
    assert response.getheader("Content-Type") == "text/event-stream"
    assert response.readline() == b"event: problems\n" and response.readline() == b"data: []\n"
    response.readline()
    return response


def test_the_event_stream_tells_of_problems_then_a_reload(served):
    server, _ = served
    response = events(server, "/sub/story/")
    server.live.set_problems([{"file": "content/x.md", "line": 3, "message": "bad"}])
    assert response.readline() == b"event: problems\n"
    assert b'"line": 3' in response.readline()
    response.readline()
    server.live.reload(["story/index.html"])
    assert response.readline() == b"event: reload\n" and response.readline() == b"data: 1\n"


def test_only_pages_whose_file_changed_reload(served):
    """A rebuild that changed other pages leaves this one alone; a script change reloads every page."""
    server, _ = served
    home, story = events(server, "/sub/"), events(server, "/sub/story/")
    server.live.reload(["story/index.html"])
    assert story.readline() == b"event: reload\n" and story.readline() == b"data: 1\n"
    server.live.set_problems([{"file": "content/x.md", "line": 3, "message": "bad"}])
    assert home.readline() == b"event: problems\n", "the home page was not told to reload"
    home.readline(), home.readline()
    server.live.reload(["static/search.js"])
    assert home.readline() == b"event: reload\n" and home.readline() == b"data: 2\n"


def test_a_reload_can_be_awaited_until_the_pages_it_reloaded_are_open_again(served):
    server, _ = served
    story = events(server, "/sub/story/")
    reloading = server.live.reload(["story/index.html"])
    assert reloading.open_on == 1 and story.readline() == b"event: reload\n"
    assert not server.live.await_reloaded(reloading, 0.05), "the page has not come back yet"
    events(server, "/sub/story/", epoch=reloading.epoch)
    assert server.live.await_reloaded(reloading, 5)


def test_a_taken_port_moves_to_the_next_free_one(served):
    server, root = served
    taken = server.server_address[1]
    other = bind("127.0.0.1", taken, LiveState(root, "/"))
    assert other.server_address[1] > taken
    other.server_close()


def test_bursts_of_saves_make_one_batch_and_editor_files_are_ignored(tmp_path):
    queue = ChangeQueue()
    start = time.monotonic()

    def burst() -> None:
        for n in range(5):
            queue.add([tmp_path / f"{n}.md"])
            time.sleep(0.01)
    threading.Thread(target=burst).start()
    batch = queue.take(quiet=0.05)
    assert batch == {tmp_path / f"{n}.md" for n in range(5)} and time.monotonic() - start >= 0.09
    for name in (".story.md.swp", "story.md~", "4913", ".#story.md", "#story.md#", "story.md.tmp", ".goutputstream-X"):
        assert is_editor_temp(Path(name)), name
    assert not is_editor_temp(Path("story.md"))


def test_events_the_system_lost_name_the_watched_folder_so_it_is_read_again(tmp_path):
    """The engine reads only the files a batch names when they were saved in place: after an
    overflow of the system's queue, the folder itself is named, and every file under it is read."""
    queue = ChangeQueue()
    content = tmp_path / "content"
    _Forward(queue, [content], []).on_any_event(EventsLostEvent(str(content), is_directory=True))
    assert queue.take(quiet=0) == {content}


@pytest.fixture
def loop(site: Path) -> BuildLoop:
    messages: list[str] = []
    build_loop = BuildLoop(lambda: load_config(site / "site.yaml"), site / "site.yaml", False, messages.append)
    build_loop.messages = messages
    build_loop.first_build()
    return build_loop


def test_a_full_pass_gives_way_to_newer_saves_and_its_changes_carry_over(loop, site):
    """The edited page is shown at once (preview); the rest follows in the next pass that completes."""
    national = site / "content" / "briefings" / f"{NATIONAL_SLUG}.md"
    home = site / "public" / "index.html"
    national.write_text(national.read_text().replace("title: Russia has lost", "title: Russia may have lost", 1))
    loop.cancel.set()  # a save came in meanwhile
    loop.rebuild({national})
    assert "Russia may have lost" in (site / "public" / "briefings" / NATIONAL_SLUG / "index.html").read_text()
    assert "Russia may have lost" not in home.read_text() and loop.unfinished == {national}
    assert "Full pass dropped for newer changes" in loop.messages
    loop.cancel.clear()
    loop.rebuild(set())
    assert "Russia may have lost" in home.read_text() and not loop.unfinished


def wait_until(condition, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_an_edit_shown_by_its_preview_refreshes_the_search_index(loop, site):
    """The preview writes the edited page, so the full pass finds nothing of its own to write there."""
    def refreshes() -> int:
        return sum(message.startswith("Search index refreshed") for message in loop.messages)

    wait_until(lambda: refreshes() == 1)  # the first build's
    national = site / "content" / "briefings" / f"{NATIONAL_SLUG}.md"
    text = national.read_text()
    body = text.index("\n---\n")  # emphasis in the body: the archive learns nothing new, the preview is the page
    national.write_text(text[:body] + text[body:].replace("video link", "*video link*"))
    loop.rebuild({national})
    assert "<em>video link</em>" in (site / "public" / "briefings" / NATIONAL_SLUG / "index.html").read_text()
    assert any(message.startswith("Preview: ") for message in loop.messages)
    assert any(re.match(r"Built: \d+ files written or removed", message) for message in loop.messages)
    wait_until(lambda: refreshes() == 2)


def test_serving_an_archive_with_no_briefing_yet_warns_of_nothing(tmp_path):
    (tmp_path / "site.yaml").write_text(f"title: Empty\nlayouts_dir: {REPO / 'layouts'}\n")
    messages: list[str] = []
    BuildLoop(lambda: load_config(tmp_path / "site.yaml"), tmp_path / "site.yaml", False, messages.append).first_build()
    wait_until(lambda: any(m.startswith("Search index refreshed") for m in messages))
    assert [m for m in messages if "warning" in m or "error" in m] == []
    assert (tmp_path / "public" / "pagefind" / "parts.json").read_text() == "[]"


def test_a_failed_search_refresh_is_reported_and_the_next_one_runs(site, monkeypatch):
    """Before, the refresher's thread died with the error, and the index was never refreshed again."""
    messages: list[str] = []
    refresher = SearchRefresher(load_config(site / "site.yaml"), messages.append)
    calls = []

    def index_once_failing(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:
            raise FileNotFoundError("a page removed by a build meanwhile")
        return []

    monkeypatch.setattr(loop_module, "index_site", index_once_failing)
    refresher.refresh()
    wait_until(lambda: messages)
    assert messages == ["warning: search index not refreshed: FileNotFoundError('a page removed by a build meanwhile')"]
    refresher.refresh()
    wait_until(lambda: len(messages) == 2)
    assert messages[1].startswith("Search index refreshed") and len(calls) == 2


def test_search_refreshes_never_overlap_even_across_a_site_yaml_change(loop, site, monkeypatch):
    """Two at once left Pagefind hung for good: each index run clears the work folders beside the site."""
    running, most = [], []

    def index_slowly(*args, **kwargs):
        running.append(1)
        most.append(len(running))
        time.sleep(0.3)
        running.pop()
        return []

    monkeypatch.setattr(loop_module, "index_site", index_slowly)
    wait_until(lambda: any(m.startswith("Search index refreshed") for m in loop.messages))  # the first build's
    settings = site / "site.yaml"
    national = site / "content" / "briefings" / f"{NATIONAL_SLUG}.md"
    national.write_text(national.read_text().replace("title: Russia has lost", "title: Russia may have lost", 1))
    loop.rebuild({national})  # a refresh starts
    settings.write_text(settings.read_text().replace("title: ", "title: Renamed · ", 1))
    loop.rebuild({settings})  # and another is asked for while it runs
    wait_until(lambda: len(most) >= 2 and not running)
    assert max(most) == 1


def test_a_new_problem_keeps_the_last_good_build_until_fixed(loop, site):
    path = site / "content" / "briefings" / f"{NATIONAL_SLUG}.md"
    page = site / "public" / "briefings" / NATIONAL_SLUG / "index.html"
    good, epoch = path.read_text(), loop.live.news.epoch
    path.write_text(good.replace("---\n", "---\ntitle: [unclosed\n", 1).replace("Oleksii Reznikov", "Mr Reznikov"))
    loop.rebuild({path})
    [problem] = loop.live.news.problems
    assert problem["file"] == f"content/briefings/{NATIONAL_SLUG}.md" and problem["line"] in (2, 3)
    assert page.is_file() and "Oleksii Reznikov" in page.read_text() and loop.live.news.epoch == epoch
    assert any(m.startswith("error: ") and NATIONAL_SLUG in m for m in loop.messages)
    path.write_text(good.replace("Oleksii Reznikov", "Mr Reznikov"))
    loop.rebuild({path})
    assert loop.live.news.problems == () and loop.live.news.epoch > epoch
    assert "Mr Reznikov" in page.read_text()


def test_a_stylesheet_change_swaps_it_without_a_reload(loop, site):
    css = site / "layouts" / "static" / "style.css"
    css.write_text(css.read_text() + "\nbody { outline: 1px solid red }\n")
    epoch = loop.live.news.epoch
    loop.rebuild({css})
    assert loop.live.news.css == ("/static/style.css",) and loop.live.news.epoch == epoch
    assert (site / "public" / "static" / "style.css").read_text() == css.read_text()


def test_a_crash_in_a_stage_is_reported_and_the_loop_goes_on(loop, site, monkeypatch):
    """A bug in a stage (made here: input no longer crashes one) must not stop the server."""
    from generator.engine import pipeline

    seed = next((site / "seeds").iterdir())
    seed.write_text(seed.read_text() + "\nOne more paragraph.\n")
    with monkeypatch.context() as patched:
        patched.setattr(pipeline, "ingest_seeds", lambda *args: 1 / 0)
        loop.rebuild({seed})  # must not raise
    assert "build failed: ZeroDivisionError" in loop.live.news.problems[0]["message"]
    loop.rebuild({seed})
    assert loop.live.news.problems == ()


def test_a_briefing_that_cannot_be_read_is_a_problem_in_the_dev_server(loop, site):
    """A dangling link in content/ (it crashed ingest, which looked for seed records in it)."""
    dangling = site / "content" / "briefings" / "dangling.md"
    dangling.symlink_to(site / "nowhere.md")
    loop.rebuild({dangling})
    assert [p["message"] for p in loop.live.news.problems] == ["cannot read the file: No such file or directory"]
    dangling.unlink()
    loop.rebuild({dangling})
    assert loop.live.news.problems == ()


def test_ctrl_c_exits_cleanly_within_a_second(site):
    with subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", "0"], cwd=site,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, stdout=subprocess.PIPE, text=True) as process:
        try:
            lines = iter(process.stdout.readline, "")
            url = next(found for line in lines if (found := re.search(r"Serving (http://127\.0\.0\.1:\d+/)", line)))[1]
            connection = http.client.HTTPConnection(url.split("/")[2], timeout=5)
            connection.request("GET", "/__livereload/events?epoch=1")  # an open event stream must not delay the exit
            connection.getresponse()
            process.send_signal(signal.SIGINT)
            started = time.monotonic()
            assert process.wait(timeout=1) == 0
            assert time.monotonic() - started < 1
            connection.close()
        finally:
            process.kill()  # the `with` then closes its output pipe, which was left to the garbage collector


def test_a_site_yaml_change_rebuilds_everything_and_a_bad_one_is_reported(loop, site):
    settings = site / "site.yaml"
    good = settings.read_text()
    settings.write_text(good.replace("title: ", "title: Renamed archive · ", 1))
    loop.rebuild({settings})
    assert "Renamed archive" in (site / "public" / "index.html").read_text()
    settings.write_text(good + "\npaginate: [not a number]\n")
    loop.rebuild({settings})
    assert loop.live.news.problems[0]["file"] == "site.yaml"
    assert "Renamed archive" in (site / "public" / "index.html").read_text(), "the last good build stays"
