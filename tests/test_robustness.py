"""Processes, locking and publishing, tried as the OOM killer, an impatient user and a full disk
would: real builds in subprocesses, real signals, real git with a local bare repository.

A build either publishes the site it made or leaves the last one in place, byte for byte; it
never hangs on a dead worker, never leaves a worker, a staging folder or an old site behind, and
says what went wrong in one line, not a traceback.
"""

from __future__ import annotations

import contextlib
import hashlib
import http.client
import os
import pty
import re
import shutil
import signal
import socket
import sqlite3
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench import corpus
from generator.utils.sitelock import site_lock
from tests.helpers import NEWSWEEK_SLUG, REPO, build, git, git_identity, run_cli

pytestmark = [pytest.mark.cli, pytest.mark.slow]

ENV = {**os.environ, "PYTHONPATH": str(REPO)}
CORPUS = 600  # briefings: enough for two render workers and stages long enough to catch


def tree(folder: Path) -> dict[str, str]:
    """Every file under folder by its path, with the hash of its bytes."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def big_site(root: Path, count: int = CORPUS, seed: int = 1) -> Path:
    corpus.write_content(corpus.briefings(count, seed), root / "content" / "briefings")
    (root / "site.yaml").write_text(f"title: Big\nlayouts_dir: {REPO / 'layouts'}\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def built_big_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site of CORPUS briefings, built once; tests work on copies."""
    root = big_site(tmp_path_factory.mktemp("big") / "site")
    done = run_cli(root, "build", "-j", "2")
    assert done.returncode == 0, done.stderr
    return root


def left_beside(out: Path, timeout: float = 30) -> list[Path]:
    """What a build left beside its output folder, once its deletions in the background are done."""
    deadline = time.monotonic() + timeout
    while (left := sorted(p for p in out.parent.iterdir() if p.name.startswith(f".{out.name}"))) and \
            time.monotonic() < deadline:
        time.sleep(0.05)
    return left


def copy_of(site: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "site"
    shutil.copytree(site, copy, symlinks=True)
    return copy


def children(pid: int) -> list[int]:
    """The processes whose parent is pid (alive or not yet reaped)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                stat = (entry / "stat").read_text()
                if int(stat.rpartition(")")[2].split()[1]) == pid:
                    found.append(int(entry.name))
    return found


def running(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] not in ("Z", "X")


class TerminalBuild:
    """`build` with its stderr on a terminal, so it shows each stage as it starts."""

    def __init__(self, site: Path, *args: str) -> None:
        terminal, stderr = pty.openpty()
        self.process = subprocess.Popen([sys.executable, "-m", "generator", "build", *args], cwd=site, env=ENV,
                                        stdout=subprocess.PIPE, stderr=stderr, text=True)
        os.close(stderr)
        self.shown = b""
        self.reader = threading.Thread(target=self._read, args=(terminal,), daemon=True)
        self.reader.start()

    def _read(self, terminal: int) -> None:
        while True:
            try:
                chunk = os.read(terminal, 65536)
            except OSError:  # the other end closed: Linux says EIO
                chunk = b""
            if not chunk:
                os.close(terminal)
                return
            self.shown += chunk

    def await_stage(self, stage: str, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while stage.encode() not in self.shown:
            assert self.process.poll() is None and time.monotonic() < deadline, f"no {stage!r}: {self.shown[-500:]!r}"
            time.sleep(0.005)

    def await_children(self, count: int = 1, timeout: float = 60) -> list[int]:
        """At least `count` processes of the build at once (two: the render workers of `-j 2`)."""
        deadline = time.monotonic() + timeout
        while len(found := [pid for pid in children(self.process.pid) if running(pid)]) < count:
            assert self.process.poll() is None and time.monotonic() < deadline, "the build forked too few processes"
            time.sleep(0.002)
        return found

    def finish(self, timeout: float) -> tuple[int, str, str]:
        """Exit code, stdout and what the terminal showed; the build is killed if it takes longer."""
        try:
            stdout, _ = self.process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.kill(self.process.pid, signal.SIGKILL)
            for pid in children(self.process.pid):
                os.kill(pid, signal.SIGKILL)
            self.process.communicate()
            pytest.fail(f"the build hung for {timeout}s")
        self.reader.join(5)
        return self.process.returncode, stdout, self.shown.decode(errors="replace")


# 1. Workers that die are noticed


@pytest.mark.parametrize("stage", ["ingest…", "link…", "render and write…"])
def test_a_killed_build_process_fails_the_build_at_once_and_keeps_the_site(built_big_site, tmp_path, stage):
    """kill -9 (the OOM killer) of the process mirroring the last site (it starts with the build),
    of a fact worker or the body converter (link), or of a render worker: the build stops within
    seconds, says so in one line, and public/ is the last site, byte for byte."""
    site = copy_of(built_big_site, tmp_path)
    shutil.rmtree(site / ".cache")  # a cold build: every stage has work for its processes
    if stage == "ingest…":  # the mirroring process then takes long enough to be caught at work
        (site / "public" / "extra").mkdir()
        for i in range(20000):
            (site / "public" / "extra" / f"{i}.txt").write_text("x")
    before = tree(site / "public")
    build_ = TerminalBuild(site, "-j", "2")
    build_.await_stage(stage)
    worker = build_.await_children(2 if stage == "render and write…" else 1)[0]
    os.kill(worker, signal.SIGKILL)
    killed = time.monotonic()
    code, stdout, shown = build_.finish(timeout=60)
    assert time.monotonic() - killed < 25, (stdout, shown)  # not the whole stage's time: a few seconds, more on a loaded machine
    errors = [line for line in re.split(r"[\r\n]+", shown.replace("\x1b[K", "")) if line.startswith("error:")]
    assert code == 1 and "Traceback" not in shown, shown
    assert len(errors) == 1 and "was killed (SIGKILL" in errors[0], shown
    assert stdout.startswith("Not built: public is left as the last build made it"), stdout
    assert tree(site / "public") == before
    assert not left_beside(site / "public")


def test_killing_the_build_leaves_no_worker_behind(built_big_site, tmp_path):
    site = copy_of(built_big_site, tmp_path)
    shutil.rmtree(site / ".cache")
    build_ = TerminalBuild(site, "-j", "2")
    build_.await_stage("render and write…")
    workers = build_.await_children(2)  # the render workers, each with seconds of work to do
    os.kill(build_.process.pid, signal.SIGKILL)
    killed = time.monotonic()
    build_.finish(timeout=30)
    while any(running(pid) for pid in workers) and time.monotonic() - killed < 5:
        time.sleep(0.01)
    assert not any(running(pid) for pid in workers)
    assert time.monotonic() - killed < 1


# 2. One build at a time


def test_two_builds_at_once_publish_one_input_sets_full_build(tmp_path):
    """Two builds of one site from different content folders, the second started while the first
    runs: it waits, saying so; the published site is then the second's full build, page for page,
    as a build of its content alone makes it (the search index's parts depend on what the cache held)."""
    site = big_site(tmp_path / "site", 400)
    corpus.write_content(corpus.briefings(300, seed=2), site / "other" / "briefings")
    alone = copy_of(site, tmp_path / "alone")
    assert run_cli(alone, "build", "-j", "2", "--content", "other").returncode == 0
    first = TerminalBuild(site, "-j", "2")
    first.await_stage("load…")
    second = subprocess.run([sys.executable, "-m", "generator", "build", "-j", "2", "--content", "other"],
                            cwd=site, env=ENV, capture_output=True, text=True, timeout=300)
    code, _, shown = first.finish(timeout=300)
    assert code == 0 and "Traceback" not in shown, shown
    assert second.returncode == 0, second.stderr
    assert "waiting for the site's lock" in second.stderr and "held by `build`" in second.stderr
    pages = {path: digest for path, digest in tree(site / "public").items() if not path.startswith("pagefind/")}
    assert pages == {path: digest for path, digest in tree(alone / "public").items() if not path.startswith("pagefind/")}
    assert any((site / "public" / "pagefind").iterdir())  # the search index: its parts as the cache had them


def test_a_build_and_a_deploy_wait_for_the_site_lock(site):
    build(site)
    (site / "content" / "briefings" / "new.md").write_text("---\ntitle: New\ndate: 2022-03-01\n---\n\nText.\n")
    with site_lock(site / ".cache", "a test"):
        waiting = subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=site, env=ENV,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(3)
        assert waiting.poll() is None and not (site / "public" / "briefings" / "new").exists()
    stdout, stderr = waiting.communicate(timeout=120)
    assert waiting.returncode == 0 and "waiting for the site's lock" in stderr and "held by `a test`" in stderr
    assert (site / "public" / "briefings" / "new" / "index.html").exists()


def test_the_dev_servers_builds_take_the_site_lock(site):
    from generator.config.settings import load_config
    from generator.serve.loop import BuildLoop

    said: list[str] = []
    loop = BuildLoop(lambda: load_config(site / "site.yaml"), site / "site.yaml", False, said.append)
    loop.first_build()
    page = site / "content" / "briefings" / "new.md"
    page.write_text("---\ntitle: New\ndate: 2022-03-01\n---\n\nText.\n")
    with site_lock(site / ".cache", "a test"):
        rebuilding = threading.Thread(target=loop.rebuild, args=({page},))
        rebuilding.start()
        rebuilding.join(2)
        assert rebuilding.is_alive() and not (site / "public" / "briefings" / "new").exists()
    rebuilding.join(60)
    assert any("waiting for the site's lock" in line for line in said)
    assert (site / "public" / "briefings" / "new" / "index.html").exists()


# 3. Publish only what succeeded


def after_heading(layout: Path, snippet: str) -> None:
    """The snippet put into the briefing layout after the line of its <h1>."""
    layout.write_text(re.sub(r"(<h1[^\n]*\n)", lambda m: m[1] + snippet + "\n", layout.read_text(), count=1))


def test_a_page_that_fails_to_render_keeps_its_last_good_version(site):
    build(site)
    page = site / "public" / "briefings" / NEWSWEEK_SLUG / "index.html"
    good = page.read_bytes()
    after_heading(site / "layouts" / "briefing.html",
                  f'<span id="v2"></span>{{% if "{NEWSWEEK_SLUG}" in page.url %}}{{{{ no_such_value }}}}{{% endif %}}')
    failed = run_cli(site, "build")
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert "layouts/briefing.html" in failed.stderr and "no_such_value" in failed.stderr
    assert page.read_bytes() == good  # the last good version, not a missing page
    others = [p for p in (site / "public" / "briefings").glob("*/index.html") if p != page]
    assert others and all('id="v2"' in p.read_text() for p in others)


def test_a_template_typo_keeps_the_previous_site(site):
    build(site)
    before = tree(site / "public")
    layout = site / "layouts" / "briefing.html"
    layout.write_text(layout.read_text().replace("}}", "}", 1))
    failed = run_cli(site, "build")
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert re.search(r"^error: layouts/briefing\.html:\d+: template syntax error", failed.stderr, re.M), failed.stderr
    assert failed.stdout.startswith("Not built: public is left as the last build made it")
    assert tree(site / "public") == before and not left_beside(site / "public")
    assert "the build is stale" in run_cli(site, "deploy").stderr


# Deploy: a real git repository with a local bare remote


@pytest.fixture
def repo(site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    git_identity(monkeypatch)
    git(tmp_path, "init", "--quiet", "--bare", str(tmp_path / "remote.git"))
    git(site, "init", "--quiet", "-b", "main")
    (site / ".gitignore").write_text("/public/\n/.cache/\n")
    build(site)
    git(site, "add", ".")
    git(site, "commit", "--quiet", "-m", "The site")
    git(site, "remote", "add", "origin", str(tmp_path / "remote.git"))
    return site


def deployed_subject(repo: Path) -> str:
    git(repo, "fetch", "--quiet", "origin")
    return git(repo, "log", "-1", "--format=%s", "origin/gh-pages")


def test_deploy_names_a_dirty_tree_in_its_commit_message(repo):
    assert run_cli(repo, "deploy").returncode == 0
    head = git(repo, "rev-parse", "--short", "HEAD")
    assert deployed_subject(repo) == f"Deploy / from {head}"
    briefing = next((repo / "content").rglob("*.md"))
    briefing.write_text(briefing.read_text().replace("\n---\n", "\n---\n\nAn editor's note.\n", 1))
    build(repo)
    assert run_cli(repo, "deploy").returncode == 0
    assert deployed_subject(repo) == f"Deploy / from {head} with uncommitted changes"


def test_deploy_refuses_a_site_whose_last_build_had_errors_unless_forced(repo):
    after_heading(repo / "layouts" / "briefing.html", "{{ no_such_value }}")
    assert run_cli(repo, "build").returncode == 1
    refused = run_cli(repo, "deploy")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert re.match(r"error: cannot deploy: the last build had \d+ error\(s\), the first layouts/briefing\.html:\d+: ",
                    refused.stderr) and "--force" in refused.stderr, refused.stderr
    assert subprocess.run(["git", "ls-remote", "--heads", "origin"], cwd=repo, capture_output=True, text=True).stdout == ""
    forced = run_cli(repo, "deploy", "--force")
    assert forced.returncode == 0, forced.stderr
    assert deployed_subject(repo).endswith("with uncommitted changes")


def test_deploy_to_a_missing_remote_says_so_plainly(repo):
    git(repo, "remote", "remove", "origin")
    refused = run_cli(repo, "deploy")
    assert refused.returncode == 1 and refused.stderr.strip() == (
        "error: cannot deploy: there is no git remote named 'origin' (this repository has none): "
        "add one with `git remote add origin URL`")
    git(repo, "remote", "add", "origin", str(repo.parent / "moved-away.git"))
    refused = run_cli(repo, "deploy")
    assert refused.returncode == 1 and "does not appear to be a git repository" in refused.stderr
    assert "and the repository exists" not in refused.stderr


# 4. Errors, not tracebacks


@contextlib.contextmanager
def mounted_tmpfs(folder: Path, options: str) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def test_a_full_disk_is_one_error_and_leaves_no_staging_or_search_folders(site, tmp_path):
    with mounted_tmpfs(tmp_path / "small", "size=400k") as small:
        out = small / "public"
        failed = run_cli(site, "build", "--out", str(out))
        assert failed.returncode == 1 and "Traceback" not in failed.stderr, failed.stderr
        errors = failed.stderr.splitlines()
        assert len([e for e in errors if e.startswith("error:")]) == 1 and "No space left on device" in failed.stderr
        assert not left_beside(out) and list(small.iterdir()) == []  # no staging or search folder, no half site


def test_an_unwritable_output_parent_is_one_error(site, tmp_path):
    with mounted_tmpfs(tmp_path / "readonly", "ro,size=64k") as readonly:
        failed = run_cli(site, "build", "--out", str(readonly / "public"))
        assert failed.returncode == 1 and "Traceback" not in failed.stderr, failed.stderr
        assert failed.stderr.startswith("error: ") and "Read-only file system" in failed.stderr
        assert len(failed.stderr.strip().splitlines()) == 1


def test_an_unreadable_content_folder_is_one_error_and_keeps_the_site(site):
    """content/ without read permission, for a build run without root's power to read anything
    (setpriv drops it): one error line, and the last site stays rather than one without briefings."""
    if not shutil.which("setpriv"):
        pytest.skip("no setpriv (util-linux) to run the build without root's read-anything capability")
    build(site)
    before = tree(site / "public")
    (site / "content" / "briefings" / "new.md").write_text("---\ntitle: New\ndate: 2022-03-01\n---\n\nText.\n")
    (site / "content").chmod(0)
    try:
        done = subprocess.run(["setpriv", "--bounding-set=-dac_override,-dac_read_search",
                               "--inh-caps=-dac_override,-dac_read_search", sys.executable, "-m", "generator", "build"],
                              cwd=site, env=ENV, capture_output=True, text=True, timeout=300)
    finally:
        (site / "content").chmod(0o755)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert done.stderr == "error: content: cannot read the folder: Permission denied\n"
    assert tree(site / "public") == before


@pytest.mark.parametrize("damage", ["truncated", "garbled"])
def test_a_damaged_build_cache_is_discarded_and_rebuilt_with_a_warning(site, damage):
    build(site)
    database = site / ".cache" / "build.sqlite"
    with sqlite3.connect(database) as db:  # everything in the file itself, as after a clean exit
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = database.read_bytes()
    database.write_bytes(data[: len(data) // 2] if damage == "truncated" else b"garbled!" * 512 + data[4096:])
    briefing = next((site / "content").rglob("*.md"))
    briefing.write_text(briefing.read_text() + "\nOne more line.\n")
    rebuilt = run_cli(site, "build")
    assert rebuilt.returncode == 0 and "Traceback" not in rebuilt.stderr, rebuilt.stderr
    assert rebuilt.stderr.startswith("warning: .cache/build.sqlite: the build cache was damaged"), rebuilt.stderr
    assert "One more line." in (site / "public" / "briefings" / NEWSWEEK_SLUG / "index.html").read_text() or \
        any("One more line." in p.read_text() for p in (site / "public" / "briefings").glob("*/index.html"))
    again = run_cli(site, "build")
    assert again.returncode == 0 and "warning" not in again.stderr


def test_old_sites_swapped_out_are_never_left_behind(site):
    build(site)
    left = site / ".public.old-1234"  # a build killed between swapping its site in and deleting the old one
    (left / "briefings").mkdir(parents=True)
    (left / "briefings" / "index.html").write_text("old")
    (site / "content" / "briefings" / "new.md").write_text("---\ntitle: New\ndate: 2022-03-01\n---\n\nText.\n")
    build(site)
    assert not left_beside(site / "public")


# 5. serve


@pytest.fixture
def serving(site: Path) -> Iterator[tuple[subprocess.Popen, str]]:
    """A real `serve` of the site: the process and its host:port."""
    process = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", "0"], cwd=site, env=ENV,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        url = next(found for line in iter(process.stdout.readline, "")
                   if (found := re.search(r"Serving http://(127\.0\.0\.1:\d+)/", line)))[1]
        yield process, url
    finally:
        process.kill()
        process.communicate()


def get(address: str, path: str, host: str | None = None) -> int:
    connection = http.client.HTTPConnection(address, timeout=5)
    connection.putrequest("GET", path, skip_host=host is not None)
    if host is not None:
        connection.putheader("Host", host)
    connection.endheaders()
    status = connection.getresponse().status
    connection.close()
    return status


def test_serve_answers_only_for_localhost(serving):
    _, address = serving
    port = address.rpartition(":")[2]
    for host in (address, f"localhost:{port}", "localhost", f"[::1]:{port}"):
        assert get(address, "/", host) in (200, 301), host
    for host in (f"rebound.attacker.example:{port}", "attacker.example", f"127.0.0.1.attacker.example:{port}"):
        assert get(address, "/", host) == 403, host


def test_serve_closes_idle_connections(serving):
    process, address = serving
    host, port = address.split(":")

    def threads() -> int:
        return int(re.search(r"Threads:\s+(\d+)", Path(f"/proc/{process.pid}/status").read_text())[1])

    def settled(done, seconds: float) -> bool:  # a loaded machine starts and ends threads late
        deadline = time.monotonic() + seconds
        while not done() and time.monotonic() < deadline:
            time.sleep(0.1)
        return done()

    before = threads()
    idle = [socket.create_connection((host, int(port)), timeout=15) for _ in range(40)]
    assert settled(lambda: threads() >= before + 30, 3), (before, threads())  # a thread each, within the idle timeout
    started = time.monotonic()
    for sock in idle:
        assert sock.recv(1) == b""  # closed by the server, not by our 15 s timeout
        sock.close()
    assert time.monotonic() - started < 10
    assert settled(lambda: threads() <= before + 5, 5), (before, threads())


def test_clients_that_go_away_print_no_traceback(serving, site):
    process, address = serving
    host, port = address.split(":")
    for i in range(30):
        with socket.create_connection((host, int(port)), timeout=5) as sock:
            sock.sendall(f"GET /briefings/{NEWSWEEK_SLUG}/ HTTP/1.0\r\nHost: localhost\r\n\r\n".encode())
            if i % 2:
                time.sleep(0.05)  # the answer on its way
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))  # closed with a reset
    assert get(address, "/") in (200, 301)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=10)
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr and "ConnectionReset" not in stderr, stderr


def test_ctrl_c_stops_serve_within_a_second_with_idle_and_streaming_clients(serving):
    process, address = serving
    host, port = address.split(":")
    idle = socket.create_connection((host, int(port)), timeout=5)  # connected, no request yet
    stream = http.client.HTTPConnection(address, timeout=5)
    stream.request("GET", "/__livereload/events?epoch=1")
    stream.getresponse()
    time.sleep(0.2)
    process.send_signal(signal.SIGINT)
    started = time.monotonic()
    try:
        code = process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pytest.fail("serve still runs 5 s after Ctrl-C")
    assert time.monotonic() - started < 1 and code == 0
    idle.close()
    stream.close()
