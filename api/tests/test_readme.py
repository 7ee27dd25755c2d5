"""The README an operator follows stays true: its settings table is the one generated from
Settings (every field, each with its meaning), its commands are `npm run` scripts that exist (no
`uv run`, which a fresh shell may not find), and its diagrams show the parts and the job states."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()


def test_the_settings_table_is_the_generated_one() -> None:
    from docflow.settings_table import block

    assert block() in README, (
        "README.md's settings table differs from Settings: run `npm run docs:settings` (and give a "
        "new setting a Field(description=...) in api/docflow/config.py)"
    )


def test_the_settings_table_lists_every_setting_with_its_meaning() -> None:
    from docflow.config import Settings
    from docflow.settings_table import END, START

    table = README[README.index(START) : README.index(END)]
    rows = {
        match.group(1): match.group(2).strip()
        for match in re.finditer(r"^\| `(DOCFLOW_[A-Z0-9_]+)` \|[^|]*\|(.*)\|$", table, re.M)
    }
    expected = {f"DOCFLOW_{name.upper()}" for name in Settings.model_fields}
    assert set(rows) == expected
    assert [name for name, meaning in rows.items() if not meaning] == []


def test_every_npm_run_command_in_the_readme_exists() -> None:
    scripts = set(json.loads((ROOT / "package.json").read_text())["scripts"])
    pwa_scripts = set(json.loads((ROOT / "pwa" / "package.json").read_text())["scripts"])
    named = set(re.findall(r"npm run ([a-z][\w:.-]*)", README))
    assert named, "the README names no npm run command"
    assert sorted(named - scripts - pwa_scripts) == []
    # The operator's commands are the root's scripts.
    for name in ("test:fault", "test:slow", "pytest", "check:invariants", "openapi", "flower"):
        assert name in scripts, name
    for bench in ("extraction", "pipeline", "events", "uploads", "list"):
        assert f"npm run bench:{bench}" in README, bench


def test_no_readme_command_needs_uv_on_the_path() -> None:
    assert re.findall(r"`uv run[^`]*`", README) == []
    assert "\nuv run " not in README


def test_the_readme_draws_the_parts_and_the_job_states() -> None:
    blocks = re.findall(r"```mermaid\n(.*?)```", README, re.S)
    flowchart = next(b for b in blocks if b.startswith("flowchart"))
    for part in ("pwa", "api", "worker", "PostgreSQL", "Redis", "storage"):
        assert part in flowchart, part
    states = next(b for b in blocks if b.startswith("stateDiagram"))
    transitions = set(re.findall(r"^\s*(\w+) --> (\w+)", states, re.M))
    # DESIGN.md: queued → processing → completed | failed; failed → queued (retry);
    # queued | processing → cancelled; cancelled → queued (retry).
    assert {
        ("queued", "processing"),
        ("processing", "completed"),
        ("processing", "failed"),
        ("failed", "queued"),
        ("queued", "cancelled"),
        ("processing", "cancelled"),
        ("cancelled", "queued"),
    } <= transitions
