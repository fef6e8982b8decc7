"""Publish the built site to a branch (gh-pages), as `mkdocs gh-deploy` and ghp-import do.

The output folder becomes a commit on top of the branch's history, made with plain git plumbing
and a temporary index (GIT_INDEX_FILE, write-tree, commit-tree): the user's working tree, index
and current branch are never touched. `.nojekyll` is always in the commit; a CNAME already on the
branch (GitHub writes one when a custom domain is set in the repository's settings) is kept
when the site does not make its own.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.config.settings import Config
from generator.problems import Problem
from generator.utils.sitelock import site_lock
from generator.publish.stamp import read_stamp, staleness

NETWORK_TIMEOUT = 120  # seconds, for ls-remote, fetch and push
KEPT_FILES = ("CNAME",)


class DeployError(Exception):
    """Why nothing was deployed, in one line for the user."""


@dataclass(frozen=True)
class Deployed:
    commit: str
    branch: str
    remote: str
    changed: bool  # False when the branch already held this exact site


def deploy(config: Config, remote: str = "origin", branch: str = "gh-pages", message: str | None = None,
           force: bool = False) -> Deployed:
    """`force`: push a site whose last build reported errors (a stale one never)."""
    with site_lock(config.cache_dir, "deploy"):  # no build swaps the site while it is committed
        return _deploy(config, remote, branch, message, force)


def _deploy(config: Config, remote: str, branch: str, message: str | None, force: bool) -> Deployed:
    reason = staleness(config)
    if reason:
        raise DeployError(f"the build is stale ({reason}): run `python -m generator build` first")
    errors = (read_stamp(config) or {}).get("errors") or []
    if errors and not force:
        first = Problem(Path(errors[0][0]), errors[0][1], errors[0][2])
        raise DeployError(f"the last build had {len(errors)} error(s), the first {first}; "
                          f"fix them and build again, or deploy anyway with --force")
    git = _Git(config.root)
    if git.run("symbolic-ref", "-q", "HEAD", check=False) == f"refs/heads/{branch}":
        raise DeployError(f"you are on the {branch} branch: switch to your source branch first")
    remote_tip = _remote_tip(git, remote, branch)
    parent = remote_tip or git.run("rev-parse", "--verify", "-q", f"refs/heads/{branch}^{{commit}}", check=False)
    tree = _site_tree(git, config.output_dir, parent)
    changed = not parent or git.run("rev-parse", f"{parent}^{{tree}}") != tree
    commit = git.run("commit-tree", tree, *(["-p", parent] if parent else []), "-m", message or _message(git, config)) if changed else parent
    git.run("update-ref", f"refs/heads/{branch}", commit)
    if commit != remote_tip:
        git.run("push", "--quiet", remote, f"{commit}:refs/heads/{branch}", timeout=NETWORK_TIMEOUT)
    return Deployed(commit, branch, remote, changed)


def _remote_tip(git: _Git, remote: str, branch: str) -> str | None:
    """The branch's commit on the remote (fetched, so history is kept), or None if it has none yet."""
    named = git.run("remote", check=False).splitlines()
    if remote not in named and "/" not in remote and ":" not in remote:  # neither a remote's name, a URL nor a path
        known = f" (this repository has {', '.join(named)})" if named else " (this repository has none)"
        raise DeployError(f"there is no git remote named {remote!r}{known}: add one with `git remote add {remote} URL`")
    try:
        heads = git.run("ls-remote", "--heads", remote, f"refs/heads/{branch}", timeout=NETWORK_TIMEOUT)
    except DeployError as error:
        raise DeployError(f"the remote {remote!r} is unreachable: {error}") from None
    if not heads:
        return None
    git.run("fetch", "--quiet", remote, f"refs/heads/{branch}", timeout=NETWORK_TIMEOUT)
    return heads.split()[0]


def _site_tree(git: _Git, out_dir: Path, parent: str | None) -> str:
    """The tree object of the output folder, plus the kept files of the parent commit it lacks."""
    with tempfile.TemporaryDirectory(prefix="briefings-deploy-") as scratch:
        env = {"GIT_INDEX_FILE": str(Path(scratch) / "index"), "GIT_WORK_TREE": str(out_dir)}
        git.run("add", "--all", "--force", "--", ".", env=env, cwd=out_dir)
        for name in KEPT_FILES:
            blob = parent and git.run("rev-parse", "--verify", "-q", f"{parent}:{name}", check=False)
            if blob and not (out_dir / name).exists():
                git.run("update-index", "--add", "--cacheinfo", f"100644,{blob},{name}", env=env)
        if not (out_dir / ".nojekyll").exists():
            empty = git.run("hash-object", "-w", "--stdin", stdin="")
            git.run("update-index", "--add", "--cacheinfo", f"100644,{empty},.nojekyll", env=env)
        return git.run("write-tree", env=env)


def _message(git: _Git, config: Config) -> str:
    """Names the source commit, and says when the working tree differs from it (the site was
    built from files no commit holds)."""
    source = git.run("rev-parse", "--short", "HEAD", check=False)
    made = [f":(exclude){folder.relative_to(config.root)}" for folder in (config.output_dir, config.cache_dir)
            if folder.is_relative_to(config.root) and folder != config.root]  # what the build wrote is not a change
    dirty = git.run("status", "--porcelain", "--", ".", *made, check=False)
    if not source:
        return f"Deploy {config.base_url} from a repository with no commit yet"
    return f"Deploy {config.base_url} from {source}" + (" with uncommitted changes" if dirty else "")


class _Git:
    """git commands run in one repository, with prompts off so a bad remote fails instead of waiting."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.git_dir = self.run("rev-parse", "--absolute-git-dir", error="not inside a git repository")

    def run(self, *args: str, check: bool = True, env: dict[str, str] | None = None, cwd: Path | None = None,
            stdin: str | None = None, timeout: float = 60, error: str | None = None) -> str:
        command = ["git", *(["--git-dir", self.git_dir] if cwd else []), *args]
        environment = {"GIT_SSH_COMMAND": "ssh -o BatchMode=yes", **os.environ, "GIT_TERMINAL_PROMPT": "0", **(env or {})}
        try:
            done = subprocess.run(command, cwd=cwd or self.root, env=environment, input=stdin,
                                  capture_output=True, text=True, timeout=timeout)
        except FileNotFoundError:
            raise DeployError("git is not installed") from None
        except subprocess.TimeoutExpired:
            raise DeployError(f"`git {args[0]}` gave no answer in {timeout:.0f}s") from None
        if done.returncode and check:
            raise DeployError(error or f"`git {args[0]}` failed: {_why(done.stderr or done.stdout) or done.returncode}")
        return done.stdout.strip() if done.returncode == 0 else ""


def _why(output: str) -> str:
    """git's own reason: its first `fatal:` or `error:` line (the last is often advice, such as
    "and the repository exists.")."""
    lines = [line.strip() for line in output.strip().splitlines() if line.strip()]
    reasons = [line for line in lines if line.startswith(("fatal:", "error:"))]
    return (reasons or lines or [""])[0].removeprefix("fatal: ").removeprefix("error: ")
