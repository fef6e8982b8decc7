"""The command line: `python -m generator build` (and `briefings build` once installed)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.build import build_site
from generator.config import Config, load_config
from generator.problems import ProblemError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--site", "site_file", type=click.Path(dir_okay=False, path_type=Path), default="site.yaml",
              show_default=True, help="The site's settings file; other paths are relative to its folder.")
@click.pass_context
def main(context: click.Context, site_file: Path) -> None:
    """Build a news briefing archive: seeds/ -> content/ briefings -> a static site."""
    context.obj = site_file


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
@click.option("--drafts", is_flag=True, help="Include briefings marked draft: true.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also list every briefing written by ingest.")
@click.pass_obj
def build(site_file: Path, seeds: str | None, content: str | None, out: str | None, base_url: str | None,
          drafts: bool, quiet: bool, verbose: bool) -> None:
    """Ingest new or changed seeds into content/, then render content/ into the site folder.

    Exits 1 when any seed, briefing or template failed; the rest of the site is still built.
    """
    config = _config(site_file, seeds_dir=seeds, content_dir=content, output_dir=out, base_url=base_url)
    result = build_site(config, include_drafts=drafts)
    for problem in result.errors:
        click.echo(f"error: {problem}", err=True)
    for problem in result.warnings:
        click.echo(f"warning: {problem}", err=True)
    if verbose:
        for path in result.ingested:
            click.echo(f"ingested: {_shown(path)}")
    if not quiet:
        click.echo(result.summary(_shown(config.output_dir)))
    sys.exit(1 if result.failed else 0)


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)
