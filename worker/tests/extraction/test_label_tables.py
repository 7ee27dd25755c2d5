"""The per-language label tables: every table in the folder is used, and each fragment is
one alternative that compiles on its own (so joining the tables cannot change another
language's pattern)."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from docflow_worker.extraction import labels
from docflow_worker.extraction.labels.table import LabelTable

FOLDER = Path(labels.__file__).parent


def test_every_table_in_the_folder_is_registered() -> None:
    files = {p.stem for p in FOLDER.glob("*.py")} - {"__init__", "table"}
    assert files == set(labels.LANGUAGES)
    assert [t.code for t in labels.TABLES] == list(labels.LANGUAGES)


@pytest.mark.parametrize("table", labels.TABLES, ids=lambda t: t.code)
def test_fragments_are_single_alternatives(table: LabelTable) -> None:
    for family in fields(LabelTable):
        if family.name in ("code", "name"):
            continue
        for fragment in getattr(table, family.name):
            re.compile(fragment, re.IGNORECASE)
            # a top-level "|" would leak the rest of the fragment into every language
            assert not _top_level_bar(fragment), (table.code, family.name, fragment)


def _top_level_bar(fragment: str) -> bool:
    depth, in_class, i = 0, False, 0
    while i < len(fragment):
        char = fragment[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            return True
        i += 1
    return False
