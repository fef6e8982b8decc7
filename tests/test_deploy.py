"""`deploy`: the built site committed to gh-pages on a (local, bare) remote, history and CNAME kept."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.helpers import NEWSWEEK_SLUG, build, git, git_identity, run_cli, write_briefing


@pytest.fixture
def repo(site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The site as a git repository on main, with an empty bare repository as origin."""
    git_identity(monkeypatch)
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "--quiet", "--bare", str(remote))
    git(site, "init", "--quiet", "-b", "main")
    (site / ".gitignore").write_text("/public/\n/.cache/\n")
    git(site, "add", ".")
    git(site, "commit", "--quiet", "-m", "The site")
    git(site, "remote", "add", "origin", str(remote))
    return site


def remote_files(repo: Path, ref: str = "origin/gh-pages") -> set[str]:
    git(repo, "fetch", "--quiet", "origin")
    return set(git(repo, "ls-tree", "-r", "--name-only", ref).splitlines())


def test_deploy_commits_the_site_to_gh_pages_without_touching_the_working_tree(repo):
    build(repo)
    status = git(repo, "status", "--porcelain", "--untracked-files=all")
    deployed = run_cli(repo, "deploy")
    assert deployed.returncode == 0, deployed.stderr
    assert deployed.stdout.startswith("public deployed origin/gh-pages (")
    files = remote_files(repo)
    assert {".nojekyll", "index.html", "404.html", "feed.xml", "sitemap.xml", f"briefings/{NEWSWEEK_SLUG}/index.html"} <= files
    assert git(repo, "show", "origin/gh-pages:index.html") == (repo / "public" / "index.html").read_text().strip()
    assert git(repo, "symbolic-ref", "HEAD") == "refs/heads/main"
    assert git(repo, "status", "--porcelain", "--untracked-files=all") == status
    assert git(repo, "log", "-1", "--format=%s", "origin/gh-pages") == f"Deploy / from {git(repo, 'rev-parse', '--short', 'HEAD')} with uncommitted changes"


def test_history_and_a_cname_set_on_the_branch_are_kept(repo):
    build(repo)
    assert run_cli(repo, "deploy").returncode == 0
    # GitHub commits a CNAME to the branch when a custom domain is set in the repository's settings.
    git(repo, "fetch", "--quiet", "origin")
    blob = subprocess.run(["git", "hash-object", "-w", "--stdin"], cwd=repo, input="news.example.org\n",
                          capture_output=True, text=True, check=True).stdout.strip()
    tree = subprocess.run(["git", "mktree"], cwd=repo, capture_output=True, text=True, check=True,
                          input=git(repo, "ls-tree", "origin/gh-pages") + f"\n100644 blob {blob}\tCNAME\n").stdout.strip()
    commit = git(repo, "commit-tree", tree, "-p", "origin/gh-pages", "-m", "Create CNAME")
    git(repo, "push", "--quiet", "origin", f"{commit}:refs/heads/gh-pages")
    unchanged = run_cli(repo, "deploy")
    assert unchanged.returncode == 0 and "already up to date" in unchanged.stdout
    write_briefing(repo, "later", "title: Later\ndate: 2022-04-01\nauthors: [A. Writer]")
    build(repo)
    assert run_cli(repo, "deploy", "--message", "Second").returncode == 0
    assert git(repo, "log", "--format=%s", "origin/gh-pages").splitlines() == ["Second", "Create CNAME",
                                                                    f"Deploy / from {git(repo, 'rev-parse', '--short', 'HEAD')} with uncommitted changes"]
    files = remote_files(repo)
    assert {"CNAME", ".nojekyll", "briefings/later/index.html"} <= files
    assert git(repo, "show", "origin/gh-pages:CNAME") == "news.example.org"


def test_deploy_refuses_a_stale_build(repo):
    build(repo)
    content = repo / "content" / "briefings" / f"{NEWSWEEK_SLUG}.md"
    original = content.read_text()
    content.write_text(original.replace("Military analysts", "Analysts"))
    refused = run_cli(repo, "deploy")
    assert refused.returncode == 1
    assert refused.stderr == (f"error: cannot deploy: the build is stale (changed since the last build: "
                              f"content/briefings/{NEWSWEEK_SLUG}.md): run `python -m generator build` first\n")
    assert git(repo, "ls-remote", "origin") == ""
    content.write_text(original)
    (repo / "public" / "index.html").write_text("edited by hand")
    assert "public changed since it was built" in run_cli(repo, "deploy").stderr


def test_deploy_refuses_an_unreachable_remote(repo):
    build(repo)
    refused = run_cli(repo, "deploy", "--remote", str(repo.parent / "no-such-remote.git"))
    assert refused.returncode == 1
    assert refused.stderr.startswith("error: cannot deploy: the remote ") and "is unreachable" in refused.stderr
