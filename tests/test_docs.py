"""The README is the manual: every command and every option of the command line is mentioned in it (after
sqlite-utils' tests/test_docs.py). The CLI is read from the Typer app itself, so a new option fails this test
until the README says what it does."""

from __future__ import annotations

import re

import typer.main
from helpers import ROOT

from briefing.cli import app

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _names(command) -> list[str]:
    """The long names of a Click command's visible options (both halves of a --flag/--no-flag pair)."""
    names = []
    for param in command.params:
        if param.param_type_name == "option" and not param.hidden:
            names += [name for name in (*param.opts, *param.secondary_opts) if name.startswith("--")]
    return names


def command_line(command=None, name: str = "briefing") -> dict[str, list[str]]:
    """Each command as `briefing NAME` (and `briefing NAME SUBNAME` in a group) with its options; the global
    options under plain `briefing`."""
    command = command or typer.main.get_command(app)  # a Click group (Typer >= 0.22 bundles its own Click)
    found = {name: _names(command)}
    for sub_name, sub in getattr(command, "commands", {}).items():
        if not sub.hidden:
            found |= command_line(sub, f"{name} {sub_name}")
    return found


def test_the_command_line_is_read_from_the_app():
    """Guards the test below against passing because it found nothing to check."""
    found = command_line()
    assert {"briefing make", "briefing script", "briefing voices", "briefing feed"} <= set(found)
    assert {"--output", "--voices", "--jobs", "--no-cache", "--watch"} <= set(found["briefing make"])
    assert "--version" in found["briefing"]


def mentioned(name: str) -> bool:
    return re.search(rf"{re.escape(name)}(?![\w-])", README) is not None  # --title is not --title-case


def test_every_command_and_option_is_in_the_readme():
    missing = []
    for command, options in command_line().items():
        if not mentioned(command):
            missing.append(command)
        missing += [f"{command} {option}" for option in options if not mentioned(option)]
    assert not missing, "README.md does not mention: " + ", ".join(missing)
