"""Read the package's YAML data files with line numbers, so every error says file:line.

Lexicons and knowledge-base files are edited by hand; a mistake must point at the line
to fix, not at a stack trace.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from eventwire.errors import DataFileError

LINE = "__line__"


_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 10x faster


class _LineLoader(_Base):  # type: ignore[misc,valid-type]
    """A safe loader that records each mapping's first line under ``__line__``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

# YAML 1.1 reads on/off/yes/no as booleans; in a lexicon "target: on" is the preposition.
# Only true/false stay booleans.
_LineLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.copy().items()
}
_LineLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def load_yaml(path: Path | str) -> Any:
    """Parse one YAML file; syntax errors become DataFileError with the line."""
    p = Path(str(path))
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(p), None, f"cannot read: {exc}") from exc
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise DataFileError(str(p), line, f"YAML syntax: {exc.problem}") from exc


def require(entry: dict[str, Any], key: str, path: Path | str, kind: type = str) -> Any:
    """The value of a required field, or a DataFileError naming the entry's line."""
    value = entry.get(key)
    if value is None or value == "":
        raise DataFileError(str(path), entry.get(LINE), f"missing required field {key!r}")
    if not isinstance(value, kind):
        raise DataFileError(
            str(path), entry.get(LINE), f"field {key!r} must be {kind.__name__}, got {value!r}"
        )
    return value


def as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
