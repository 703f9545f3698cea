"""The README keeps up with the command line: every command has an example."""

from __future__ import annotations

from pathlib import Path

from annotator.cli import main

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_cli_command_has_an_example_in_the_readme() -> None:
    missing = [
        name for name in main.commands if f"python -m annotator --db team.db {name}" not in README
    ]
    assert missing == []


def test_readme_has_exactly_two_setup_commands() -> None:
    setup = README.split("## Set-up", 1)[1].split("\n## ", 1)[0]
    blocks = setup.split("```bash\n")[1:]
    assert [b.split("\n```")[0] for b in blocks] == [
        "python -m pip install -e . && python main.py",
        'python -m pip install -e ".[dev]" && python -m pytest',
    ]
