"""The command line: a thin layer over annotator.core; bad input exits 2 with file:line.

Each module adds its commands to the one group, ``main``."""

from annotator.cli import data, review, workflow  # noqa: F401 (their commands join main)
from annotator.cli.base import main

__all__ = ["main"]
