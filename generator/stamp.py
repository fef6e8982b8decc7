"""The build stamp: what the site in the output folder was built from, so `deploy` can refuse a stale one.

After writing the site, the build records a hash of every input file (seeds, content, layouts), of
the settings read from site.yaml and of the output folder in `.cache/build-stamp.json`, outside the
published files. The base URL is left out of the comparison: `build --base-url` is the usual way
to build for GitHub Pages, and the site it made is not stale for it.
"""

from __future__ import annotations

import hashlib
import dataclasses
import json
from pathlib import Path

from generator.config import Config

STAMP_FILE = "build-stamp.json"


def write_stamp(config: Config) -> None:
    stamp = {"output_dir": str(config.output_dir), "base_url": config.base_url,
             "output": tree_hash(config.output_dir), "inputs": input_hashes(config)}
    config.cache_dir.mkdir(parents=True, exist_ok=True)
    (config.cache_dir / STAMP_FILE).write_text(json.dumps(stamp, indent=1, sort_keys=True), encoding="utf-8")


def read_stamp(config: Config) -> dict | None:
    try:
        return json.loads((config.cache_dir / STAMP_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def staleness(config: Config) -> str | None:
    """Why the output folder is not the build of the current inputs, or None when it is."""
    stamp = read_stamp(config)
    if stamp is None or stamp.get("output_dir") != str(config.output_dir):
        return f"{config.output_dir} has no record of being built here"
    if tree_hash(config.output_dir) != stamp["output"]:
        return f"{config.output_dir} changed since it was built"
    now, then = input_hashes(config), stamp["inputs"]
    changed = sorted(name for name in now.keys() | then.keys() if now.get(name) != then.get(name))
    if changed:
        more = f" and {len(changed) - 3} more" if len(changed) > 3 else ""
        return f"changed since the last build: {', '.join(changed[:3])}{more}"
    return None


def input_hashes(config: Config) -> dict[str, str]:
    """Every input file, by its path relative to the site folder, with the hash of its bytes."""
    files = []
    for folder in (config.seeds_dir, config.content_dir, config.layouts_dir):
        files += [path for path in folder.rglob("*") if path.is_file()] if folder.is_dir() else []
    hashes = {_name(path, config.root): _file_hash(path) for path in files}
    settings = repr(dataclasses.replace(config, base_url=""))
    hashes["the settings in site.yaml"] = hashlib.sha256(settings.encode()).hexdigest()
    return hashes


def tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if path.is_file():
            digest.update(f"{path.relative_to(folder).as_posix()}\0{_file_hash(path)}\0".encode())
    return digest.hexdigest()


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _name(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
