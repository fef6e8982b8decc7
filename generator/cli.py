"""The command line: `python -m generator build` (and `briefings build` once installed)."""

from __future__ import annotations

import dataclasses
import sqlite3
import sys
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import Any

import click

from generator.engine.build import build_site
from generator.config.settings import Config, load_config
from generator.problems import ProblemError
from generator.engine.progress import Progress, TerminalProgress


SITE_HELP = "The site's settings file; other paths are relative to its folder."
SITE_FILE = click.Path(dir_okay=False, path_type=Path)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--site", "site_file", type=SITE_FILE, default="site.yaml", show_default=True, help=SITE_HELP)
@click.pass_context
def main(context: click.Context, site_file: Path) -> None:
    """Build a news briefing archive: seeds/ -> content/ briefings -> a static site."""
    context.obj = site_file


def _site_option(command: Callable[..., None]) -> Callable[..., None]:
    """`--site FILE` after the command too (`build --site x.yaml`), as users write it; it wins over one before."""
    def remember(context: click.Context, _parameter: click.Parameter, value: Path | None) -> None:
        if value is not None:
            context.obj = value
    return click.option("--site", type=SITE_FILE, expose_value=False, is_eager=True, callback=remember,
                        help=SITE_HELP + " [default: site.yaml]")(command)


def _config(site_file: Path, **overrides: str | None) -> Config:
    try:
        return load_config(site_file, **overrides)
    except ProblemError as error:
        click.echo(f"error: {error.problem}", err=True)
        sys.exit(2)


@main.command()
@click.option("--seeds", type=click.Path(file_okay=False), help="Folder of raw articles [site.yaml: seeds_dir].")
@click.option("--content", type=click.Path(file_okay=False), help="Folder of Markdown briefings [site.yaml: content_dir].")
@click.option("--out", type=click.Path(file_okay=False), help="Folder to build the site into [site.yaml: output_dir].")
@click.option("--base-url", help="Where the site is published, e.g. https://user.github.io/repo/ [site.yaml: base_url].")
@click.option("--cache-dir", type=click.Path(file_okay=False),
              help="Folder of build state; delete it for a cold build [site.yaml: cache_dir, default .cache].")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="Processes to use [default: one per core on big sites].")
@click.option("--drafts", is_flag=True, help="Include briefings marked draft: true.")
@click.option("--strict", is_flag=True, help="Fail (exit 1) on a broken internal link in the output, instead of warning.")
@click.option("--offline", is_flag=True,
              help="Also write a copy that opens from a folder or a zip, without a server, beside the site (public-offline/).")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also list every briefing written by ingest, and each stage's time.")
@_site_option
@click.pass_obj
def build(site_file: Path, seeds: str | None, content: str | None, out: str | None, base_url: str | None,
          cache_dir: str | None, jobs: int | None, drafts: bool, strict: bool, offline: bool, quiet: bool,
          verbose: bool) -> None:
    """Ingest new or changed seeds into content/, then render content/ into the site folder.

    Exits 1 when any seed, briefing or template failed; the rest of the site is still built.
    """
    config = _config(site_file, seeds_dir=seeds, content_dir=content, output_dir=out, base_url=base_url,
                     cache_dir=cache_dir)
    progress = TerminalProgress(sys.stderr) if sys.stderr.isatty() and not quiet else Progress()
    try:
        result = build_site(config, include_drafts=drafts, strict=strict, jobs=jobs, progress=progress)
    finally:
        progress.close()
    for problem in result.errors:
        click.echo(f"error: {problem}", err=True)
    for problem in result.warnings:
        click.echo(f"warning: {problem}", err=True)
    if verbose:
        for path in result.ingested:
            click.echo(f"ingested: {_shown(path)}")
        for stage, seconds in result.stages.items():
            click.echo(f"{stage}: {seconds:.2f}s")
    if not quiet:
        click.echo(result.summary(_shown(config.output_dir)))
    if offline and not _offline_copy(config, quiet):
        sys.exit(1)
    sys.exit(1 if result.failed else 0)


def _offline_copy(config: Config, quiet: bool) -> bool:
    from generator.publish.offline import write_offline_copy

    if not (config.output_dir / "index.html").is_file():
        click.echo(f"error: {_shown(config.output_dir)}: no site built, so no offline copy", err=True)
        return False
    try:
        folder = write_offline_copy(config)
    except ProblemError as error:
        click.echo(f"error: {error.problem}", err=True)
        return False
    if not quiet:
        click.echo(f"Offline copy in {_shown(folder)}: open {_shown(folder / 'index.html')} (search needs a server)")
    return True


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


@main.command()
@click.option("--out", type=click.Path(file_okay=False), help="The built site to check [site.yaml: output_dir].")
@click.option("--base-url", help="Check against this base URL [default: the one the last build of the folder used, "
                                 "else site.yaml: base_url].")
@_site_option
@click.pass_obj
def check(site_file: Path, out: str | None, base_url: str | None) -> None:
    """Check that every internal link, image, script, stylesheet and #anchor in the built site resolves.

    Prints each broken one as `page:line: broken link HREF: why`; exits 1 if there is any.
    """
    from generator.publish.check import check_site

    config = _config(site_file, output_dir=out, base_url=base_url)
    if not config.output_dir.is_dir():
        click.echo(f"error: {_shown(config.output_dir)} does not exist: run `build` first", err=True)
        sys.exit(2)
    checked = _built_for(config) if base_url is None else config
    broken = check_site(checked, store=_check_store(config))
    for problem in broken:
        click.echo(f"error: {problem}", err=True)
    built_for = f" (built for {checked.base_url})" if checked.base_url != config.base_url else ""
    click.echo(f"Checked {_shown(config.output_dir)}{built_for}: {len(broken)} broken links")
    sys.exit(1 if broken else 0)


def _check_store(config: Config) -> MutableMapping[str, Any] | None:
    """The build cache's table where the build's own check keeps what each page links to, so a check
    reads only the pages changed since; none when there is no cache or it cannot be read (the next
    build discards it)."""
    from generator.engine.cache import DATABASE, BuildCache

    if not (config.cache_dir / DATABASE).is_file():
        return None
    try:
        return BuildCache(config.cache_dir).kept
    except sqlite3.DatabaseError:
        return None


def _built_for(config: Config) -> Config:
    """The settings with the base URL the output folder was built for, which `build --base-url` may
    have set: the stamp of its last build knows it. A folder the stamp does not describe keeps site.yaml's."""
    from generator.publish.stamp import read_stamp

    stamp = read_stamp(config)
    if stamp is None or stamp.get("output_dir") != str(config.output_dir) or not stamp.get("base_url"):
        return config
    return dataclasses.replace(config, base_url=stamp["base_url"])


@main.command()
@click.option("--remote", default="origin", show_default=True, help="The git remote to push to.")
@click.option("--branch", default="gh-pages", show_default=True, help="The branch GitHub Pages publishes from.")
@click.option("-m", "--message", help="The commit message [default: Deploy BASE_URL from SOURCE_COMMIT].")
@click.option("--force", is_flag=True, help="Deploy even though the last build reported errors.")
@_site_option
@click.pass_obj
def deploy(site_file: Path, remote: str, branch: str, message: str | None, force: bool) -> None:
    """Commit the built site to a branch (gh-pages) on top of its history, and push it.

    Never touches your working tree or current branch. Refuses when the build is stale (seeds,
    content, layouts or site.yaml changed since `build`), when that build reported errors (unless
    --force), or when the remote cannot be reached.
    """
    from generator.publish.deploy import DeployError, deploy as deploy_site

    config = _config(site_file)
    try:
        done = deploy_site(config, remote=remote, branch=branch, message=message, force=force)
    except DeployError as error:
        click.echo(f"error: cannot deploy: {error}", err=True)
        sys.exit(1)
    state = "deployed" if done.changed else "already up to date at"
    click.echo(f"{_shown(config.output_dir)} {state} {done.remote}/{done.branch} ({done.commit[:12]})")


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback: only this machine).")
@click.option("--port", default=8000, show_default=True, help="Port to listen on; the next free one if it is taken.")
@click.option("--base-url", help="Serve as if published here, e.g. https://user.github.io/repo/ [site.yaml: base_url].")
@click.option("--drafts", is_flag=True, help="Include briefings marked draft: true.")
@_site_option
@click.pass_obj
def serve(site_file: Path, host: str, port: int, base_url: str | None, drafts: bool) -> None:
    """Build, serve the site under its base path, and rebuild and reload open pages on every save."""
    from generator.serve import serve as serve_site  # watchdog and http.server: only this command needs them

    _config(site_file, base_url=base_url)  # a bad site.yaml stops here, with its line
    serve_site(lambda: load_config(site_file, base_url=base_url), site_file, host, port, drafts, echo=click.echo)
