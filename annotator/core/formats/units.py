"""Which files and folders an import reads: folders expanded into their files of the
format, a brat collection kept whole, and the paths that cannot be imported at all."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.formats.readers import AUTO_SUFFIXES, INPUT_FORMATS, KNOWN_SUFFIXES


@dataclass(frozen=True)
class ImportUnit:
    """One import: a file, or a folder read whole (a brat collection); or the error that a
    path named on the command line cannot be imported at all."""

    path: Path
    error: InputError | None = None


def import_units(paths: Iterable[str | Path], fmt: str) -> list[ImportUnit]:
    """Files to import: folders give their files of the format (by extension), sorted; a
    brat folder is one unit. A folder named like a file, or one with nothing to import,
    is an error naming it (it used to import nothing, silently)."""
    if fmt == "auto":
        suffixes: tuple[str, ...] = AUTO_SUFFIXES
    elif fmt in INPUT_FORMATS:
        suffixes = INPUT_FORMATS[fmt].suffixes
    else:
        suffixes = ()
    units: list[ImportUnit] = []
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            units.append(ImportUnit(path))
            continue
        if fmt == "brat" or (fmt == "auto" and any(path.rglob("*.ann"))):
            units.append(ImportUnit(path))
            continue
        if path.suffix.lower() in KNOWN_SUFFIXES:
            units.append(ImportUnit(path, InputError("is a folder, not a file", path)))
            continue
        found = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in suffixes)
        if not found:
            shown = ", ".join(suffixes) or "(none)"
            units.append(
                ImportUnit(path, InputError(f"no files to import ({shown}) in the folder", path))
            )
        units += [ImportUnit(p) for p in found]
    return units


def expand_paths(paths: Iterable[str | Path], fmt: str) -> list[Path]:
    """The paths import_paths will read, for a progress bar."""
    return [unit.path for unit in import_units(paths, fmt) if unit.error is None]


def count_lines(path: Path) -> int:
    """Lines in a file (at least 1), for a progress bar; 0 if it cannot be read."""
    try:
        with path.open("rb") as fh:
            count = sum(block.count(b"\n") for block in iter(lambda: fh.read(1 << 20), b""))
    except OSError:
        return 0
    return max(count, 1)
