"""PyYAML for the form files: a safe loader that refuses duplicate keys, and line numbers.

A module of its own so that PyYAML is imported only when a YAML file is parsed: a program that
only reads forms stored with an assessment (the PDF report) never needs it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

from ethics_tool.i18n import t

# libyaml's C parser when PyYAML has it (about ten times faster on the large built-in forms).
SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DuplicateKeyLoader(SafeLoader):  # type: ignore[valid-type,misc]
    """A safe loader that refuses duplicate keys instead of silently keeping the last one."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> Iterator[dict[Any, Any]]:
    """Build a mapping like PyYAML's own (a generator, so deep nesting does not recurse), but
    refuse duplicate keys and keys that are lists or mappings (often a stray ``[`` or ``{``)."""
    data: dict[Any, Any] = {}
    yield data
    seen: set[Any] = set()
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue
        if not isinstance(key_node, yaml.ScalarNode):
            raise yaml.constructor.ConstructorError(
                None,
                None,
                t("a list or mapping cannot be a key (a stray opening bracket?)"),
                key_node.start_mark,
            )
        key = loader.construct_object(key_node, deep=False)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, t("duplicate key {key}", key=repr(key)), key_node.start_mark
            )
        seen.add(key)
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=False)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                t("a list or mapping cannot be a key (a stray opening bracket?)"),
                key_node.start_mark,
            ) from None
        data[key] = loader.construct_object(value_node, deep=False)


DuplicateKeyLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping
)


def line_of(root: yaml.Node | None, loc: tuple[Any, ...]) -> int | None:
    """Follow a pydantic location through the YAML node tree to find the nearest line."""
    node = root
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            match = next(
                (v for k, v in node.value if str(getattr(k, "value", "")) == str(part)), None
            )
            if match is None:
                break
            node = match
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node = node.value[part]
        else:
            break
        line = node.start_mark.line + 1
    return line
