"""YAML and front-matter parsing that remembers the line of every key."""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from types import GeneratorType
from typing import Any

import yaml

from generator.problems import Problem, ProblemError

SHARED_LENGTH = 64  # strings shorter than this are interned: names, kinds, keys


class SafeLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's safe loader (libyaml's where installed), interning keys and short strings: an
    archive's front-matter repeats the same keys and names in every briefing, and a separate copy
    of each would be most of the memory the loaded front-matter takes."""

    def construct_yaml_str(self, node: yaml.ScalarNode) -> str:
        return _shared(self.construct_scalar(node))

    def resolve(self, kind: type, value: str | None, implicit: tuple[bool, bool]) -> str:
        """PyYAML's resolve, for a loader without path resolvers, remembering the tag of each short
        plain scalar: front-matter repeats its numbers, dates and names thousands of times, and
        the C parser asks for each."""
        if kind is not yaml.ScalarNode:
            return _SEQ if kind is yaml.SequenceNode else _MAP
        if not implicit[0]:
            return _STR
        tag = _PLAIN_TAGS.get(value)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(value) < SHARED_LENGTH and len(_PLAIN_TAGS) < _PLAIN_TAGS_KEPT:
                _PLAIN_TAGS[value] = tag
        return tag

    def descend_resolver(self, current_node: yaml.Node | None, current_index: Any) -> None:
        """Nothing to follow: this loader has no path resolvers (PyYAML's returns at once, but
        the C parser calls it for every node)."""

    def ascend_resolver(self) -> None:
        """See descend_resolver."""


def _shared(value: str) -> str:
    return sys.intern(value) if len(value) < SHARED_LENGTH else value


SafeLoader.add_constructor("tag:yaml.org,2002:str", SafeLoader.construct_yaml_str)
assert not SafeLoader.yaml_path_resolvers, "SafeLoader.resolve assumes no path resolvers"
_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
_PLAIN_TAGS: dict[str, str] = {}  # short plain scalar -> its tag, for SafeLoader.resolve
_PLAIN_TAGS_KEPT = 100_000  # at most: a few MB
_LEFT_TO_PYYAML = object()  # marks a mapping or sequence being built: met again, it contains itself
# Aliases may repeat this many nodes in all: a few anchors, each repeating the one before ten times,
# make a small file a huge value (one that pages and feeds then write out in full).
REPEATED_NODES_MAX = 10_000
_LET_THROUGH = (ValueError, TypeError, OverflowError)  # by PyYAML's constructors: `date: 2024-13-01`, `!!int x`


class _Fallback(Exception):
    """The document has what only PyYAML's constructor handles: merge keys, sets, recursion."""


def _construct(loader: SafeLoader, node: yaml.Node) -> Any:
    """The document's value, as loader.construct_document gives it, in about a third of the time:
    maps, sequences and strings (nearly all of front-matter) are built here in one pass rather
    than by PyYAML's generators; other scalars are PyYAML's."""
    try:
        return _value(loader, node, {})
    except _Fallback:
        pass
    try:
        return loader.construct_document(node)
    except _LET_THROUGH as error:
        raise yaml.constructor.ConstructorError(None, None, str(error), node.start_mark) from None


def _value(loader: SafeLoader, node: yaml.Node, built: dict[int, Any]) -> Any:
    """`built`: by node identity, so an alias gives the very object its anchor did, as in PyYAML."""
    value = built.get(id(node))
    if value is _LEFT_TO_PYYAML:
        raise _Fallback
    if value is not None:
        return value
    tag = node.tag
    if isinstance(node, yaml.ScalarNode):
        if tag == _STR:  # as construct_yaml_str, without its calls: most values are strings
            return _shared(node.value)
        value = _scalar(loader, node)
    elif tag == _MAP:
        built[id(node)] = _LEFT_TO_PYYAML
        value = {}
        for key_node, value_node in node.value:
            if key_node.tag != _STR or not isinstance(key_node, yaml.ScalarNode):  # merge keys, unhashable keys
                raise _Fallback
            value[_shared(key_node.value)] = _value(loader, value_node, built)
    elif tag == _SEQ:
        built[id(node)] = _LEFT_TO_PYYAML
        value = [_value(loader, each, built) for each in node.value]
    else:
        raise _Fallback
    built[id(node)] = value
    return value


def _scalar(loader: SafeLoader, node: yaml.ScalarNode) -> Any:
    """A scalar by its tag's constructor, called as construct_object would, without its bookkeeping."""
    construct = loader.yaml_constructors.get(node.tag)
    if construct is None:  # a tag of a multi-constructor, or unknown: PyYAML's to build or refuse
        raise _Fallback
    try:
        value = construct(loader, node)
        if isinstance(value, GeneratorType):  # a collection's tag on a scalar, `!!map x`: PyYAML's to refuse
            raise _Fallback
        return value
    except _LET_THROUGH:
        kind = node.tag.rpartition(":")[2]
        raise yaml.constructor.ConstructorError(None, None, f"{node.value!r} is not a valid {kind}", node.start_mark) from None


_FENCES = {"---": "yaml", "+++": "toml"}  # Jekyll/Hugo YAML, Hugo TOML
# The line closing front-matter, with the newline before it: a literal start the regex engine can
# skip to, where `^` was tried at every character.
_CLOSING = re.compile(r"\n(---|\+\+\+|\.\.\.)[ \t]*$", re.M)


@dataclass
class Parsed:
    """A mapping read from YAML, with the 1-based line of each key ("a.b" for nested keys)."""

    data: dict[str, Any]
    lines: dict[str, int] = field(default_factory=dict)


def load_yaml(text: str, path: Path, first_line: int = 1) -> Parsed:
    """Parse a YAML mapping; `first_line` is where `text` starts in the file."""
    loader = SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None and "&" in text:  # only anchors can be repeated
            _check_repeats(node, path, first_line)
        data = _construct(loader, node) if node is not None else {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + mark.line if mark else first_line
        reason = getattr(error, "problem", None) or str(error)
        raise ProblemError(Problem(path, f"invalid YAML: {reason}", line)) from None
    finally:
        loader.dispose()
    if data is None:
        return Parsed({})
    if not isinstance(data, dict):
        raise ProblemError(Problem(path, "expected a mapping of `key: value` lines", first_line))
    lines: dict[str, int] = {}
    _collect_lines(node, "", first_line, lines)
    return Parsed(data, lines)


def _check_repeats(root: yaml.Node, path: Path, first_line: int) -> None:
    """Refuse a document whose aliases repeat more than REPEATED_NODES_MAX nodes (an "alias bomb"),
    naming the line of the anchor repeated most. Sizes are counted once per node, without
    building anything, so a bomb costs no more to check than its text is long."""
    sizes: dict[int, int] = {}  # node -> nodes in it, counting each alias as what it repeats
    uses: dict[int, int] = {}  # node -> times it is met (more than once: through aliases)
    nodes: dict[int, yaml.Node] = {}
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:  # depth first, children before their parent, without recursion
        node, children_done = stack.pop()
        key = id(node)
        if not children_done:
            uses[key] = uses.get(key, 0) + 1
            if key in nodes:
                continue  # met again: an alias, or a node that contains itself
            nodes[key] = node
            stack.append((node, True))
            stack.extend((child, False) for child in _children(node))
        else:
            sizes[key] = 1 + sum(sizes.get(id(child), 1) for child in _children(node))
    repeated = sum(sizes[key] * (count - 1) for key, count in uses.items() if count > 1)
    if repeated > REPEATED_NODES_MAX:
        worst = max((key for key, count in uses.items() if count > 1), key=lambda key: sizes[key] * uses[key])
        line = first_line + nodes[worst].start_mark.line
        raise ProblemError(Problem(path, f"aliases repeat {repeated:,} values, more than the {REPEATED_NODES_MAX:,} "
                                   "allowed; the anchor on this line is repeated most", line))


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return node.value if isinstance(node, yaml.SequenceNode) else []


def _collect_lines(node: yaml.Node, prefix: str, first_line: int, lines: dict[str, int]) -> None:
    if not isinstance(node, yaml.MappingNode):
        return
    for key_node, value_node in node.value:
        key = f"{prefix}{key_node.value}"
        lines[key] = first_line + key_node.start_mark.line
        _collect_lines(value_node, key + ".", first_line, lines)


def load_yaml_file(path: Path) -> Parsed:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ProblemError(Problem(path, f"cannot read: {error}")) from None
    return load_yaml(text, path)


@dataclass
class FrontMatterFile:
    """A Markdown file split into its front-matter and body."""

    meta: Parsed
    body: str
    body_line: int  # the 1-based line where the body starts


def _opening(text: str) -> str | None:
    """The fence a file's front-matter opens with (`---` or `+++` on the first line), if any."""
    fence = text[:3]
    return fence if fence in _FENCES and text[3:4] in ("\n", "\r") else None


def front_matter_text(text: str) -> str | None:
    """The raw `---` YAML front-matter of a file's text, if it has a closed one."""
    text = text.lstrip("\ufeff")
    closing = _CLOSING.search(text, 3) if _opening(text) == "---" else None
    return text[4 : closing.start() + 1] if closing else None


def split_front_matter(text: str, path: Path) -> FrontMatterFile:
    """Split `---` YAML or `+++` TOML front-matter from the body; none is an empty mapping."""
    text = text.lstrip("\ufeff")
    fence = _opening(text)
    if fence is None:
        return FrontMatterFile(Parsed({}), text, 1)
    closing = _CLOSING.search(text, 3)
    if closing is None:
        raise ProblemError(Problem(path, f"front-matter opened with {fence} on line 1 is never closed", 1))
    raw = text[4 : closing.start() + 1]
    body = text[closing.end() :].lstrip("\r\n")
    body_line = text.count("\n", 0, len(text) - len(body)) + 1
    meta = load_yaml(raw, path, 2) if _FENCES[fence] == "yaml" else _load_toml(raw, path)
    return FrontMatterFile(meta, body, body_line)


def _load_toml(raw: str, path: Path) -> Parsed:
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"line (\d+)", str(error))
        line = int(found.group(1)) + 1 if found else 1
        raise ProblemError(Problem(path, f"invalid TOML front-matter: {error}", line)) from None
    lines = {m.group(1): n + 2 for n, l in enumerate(raw.splitlines()) if (m := re.match(r"\s*([\w-]+)\s*=", l))}
    return Parsed(data, lines)
