"""What every writer is given: the export's options, its report (with what the format could
not carry, counted), and the output, a file, a folder or standard output, written so that
only a complete export ever replaces what was there."""

from __future__ import annotations

import shutil
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from annotator.core.errors import InputError
from annotator.core.schema import Schema

Progress = Callable[[int, int], None]  # records written, articles in the database


@dataclass(frozen=True)
class ExportOptions:
    schema: Schema
    lang: str = "en"  # headers and attribute values of the measures register
    nested: str = "outermost"  # CoNLL: "outermost" (the 4-column form) or "columns"
    email_domain: str = "annotators.invalid"  # Label Studio users are e-mail addresses


@dataclass
class ExportReport:
    records: int = 0
    spans: int = 0
    # What the format could not carry, e.g. {"attributes": 12}: never dropped unsaid.
    dropped: Counter[str] = field(default_factory=Counter)
    warnings: Counter[str] = field(default_factory=Counter)
    files: list[Path] = field(default_factory=list)  # written beside the export
    notes: list[str] = field(default_factory=list)  # what the user must do next

    def lines(self) -> list[str]:
        """The report as the command line prints it, one finding a line."""
        out = [f"{self.records} record(s), {self.spans} span(s) written"]
        out += [
            f"not carried by this format: {n} {what}" for what, n in sorted(self.dropped.items())
        ]
        out += [f"warning: {n} {what}" for what, n in sorted(self.warnings.items())]
        out += [f"written beside it: {path}" for path in self.files]
        return out + self.notes


class Output:
    """The export's target: a path, "-" for standard output, or an open binary stream."""

    def __init__(self, target: str | Path | IO[bytes]) -> None:
        self.target = target
        self.path: Path | None = (
            Path(target) if isinstance(target, str | Path) and str(target) != "-" else None
        )

    @contextmanager
    def stream(self) -> Iterator[IO[bytes]]:
        """The main file, written to ``NAME.part`` and renamed when complete."""
        if not isinstance(self.target, str | Path):
            yield self.target
            return
        if self.path is None:
            yield sys.stdout.buffer
            sys.stdout.buffer.flush()
            return
        path = self.path
        if path.is_dir():
            raise InputError("is a folder", path)
        tmp = path.with_name(path.name + ".part")
        try:
            with tmp.open("wb") as fh:
                yield fh
            tmp.replace(path)
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror}", path) from None
        finally:
            tmp.unlink(missing_ok=True)

    @contextmanager
    def folder(self) -> Iterator[Path]:
        """A folder of files (brat, Hugging Face), filled under ``NAME.part`` and renamed when
        complete. An existing folder is replaced only if empty: never someone's files."""
        path = self.path
        if path is None:
            raise InputError("this format writes a folder: give a folder name, not -")
        if path.exists() and (not path.is_dir() or any(path.iterdir())):
            raise InputError("exists and is not an empty folder: give a new folder name", path)
        tmp = path.with_name(path.name + ".part")
        try:
            shutil.rmtree(tmp, ignore_errors=True)
            tmp.mkdir(parents=True)
            yield tmp
            if path.exists():
                path.rmdir()
            tmp.rename(path)
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror}", path) from None
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def beside(self, suffix: str) -> Path | None:
        """A companion file's path, ``out.json`` → ``out<suffix>``; None for a stream."""
        if self.path is None:
            return None
        stem = self.path.name.removesuffix(self.path.suffix) if self.path.suffix else self.path.name
        return self.path.with_name(stem + suffix)

    def write_beside(self, suffix: str, data: bytes, report: ExportReport) -> None:
        """Write a companion file atomically (after the export itself is complete)."""
        path = self.beside(suffix)
        if path is None:
            return
        tmp = path.with_name(path.name + ".part")
        try:
            tmp.write_bytes(data)
            tmp.replace(path)
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror}", path) from None
        finally:
            tmp.unlink(missing_ok=True)
        report.files.append(path)
