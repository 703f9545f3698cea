"""Reading an input file as its readers need it: bytes, decoded lines, JSON lines or the
items of one top-level JSON array, each with the line it starts on."""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import Any

import orjson

from annotator.core.errors import InputError
from annotator.core.text.decode import check_utf8_or_legacy


def read_bytes(path: Path, limit: int = -1) -> bytes:
    """The file's bytes (the first ``limit`` of them if given), read errors as InputError."""
    try:
        with path.open("rb") as fh:
            return fh.read(limit)
    except IsADirectoryError:
        raise InputError("is a folder, not a file", path) from None
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", path) from None


def decoded_lines(path: Path) -> Generator[str, None, None]:
    """The file's lines, decoded as they are read so a large file never sits in memory whole.

    UTF-8 (BOM or not) or UTF-16 with a BOM. A file that is not valid UTF-8 is read as
    Windows-1256 only when it is not mostly UTF-8 (text/decode.py says the rule); a UTF-8
    file with a bad byte is an error naming its line and byte offset.
    """
    head = read_bytes(path, 8192)
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(
            "binary data (NUL bytes); not a text file",
            path,
            head[: head.index(b"\x00")].count(b"\n") + 1,
        )
    encoding = "utf-16" if head.startswith((b"\xff\xfe", b"\xfe\xff")) else "utf-8-sig"
    done = 0
    try:
        with path.open(encoding=encoding, newline=None) as fh:
            for line in fh:
                done += 1
                yield line
        return
    except UnicodeDecodeError:
        if encoding == "utf-16":
            raise InputError("invalid UTF-16 text", path, done + 1) from None
    # Decided on the whole file (read in blocks): mostly UTF-8 with a bad byte is an error.
    check_utf8_or_legacy(_blocks(path), path)
    with path.open(encoding="cp1256", newline=None) as fh:
        for number, line in enumerate(fh):
            if number >= done:
                yield line


def _blocks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as fh:
        yield from iter(lambda: fh.read(1 << 20), b"")


def json_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) for each non-blank line of a JSON Lines file."""
    for number, line in enumerate(decoded_lines(path), start=1):
        if not line.strip():
            continue
        try:
            value = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise InputError(f"malformed JSON: {exc}", path, number) from None
        if isinstance(value, list):
            raise InputError(
                "expected one JSON object a line, found an array (a Label Studio export? "
                "it is read with --format labelstudio)",
                path,
                number,
            )
        if not isinstance(value, dict):
            raise InputError(f"expected a JSON object, found {type(value).__name__}", path, number)
        yield number, value


def first_json_char(path: Path) -> str:
    """The first character that is not white space (or a BOM): "[" opens a JSON array."""
    lines = decoded_lines(path)
    try:
        for line in lines:
            stripped = line.strip()
            if stripped:
                return stripped[0]
    finally:
        lines.close()
    return ""


# A string (escapes and all) or one of the characters that open or close a value.
_JSON_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|[\[\]{}\n]')


def json_array_items(path: Path) -> Iterator[tuple[int, Any]]:
    """(line it starts on, value) for each item of a file holding one JSON array, on one
    line or pretty-printed, read a line at a time: a Label Studio export of many thousand
    tasks is never parsed whole. Strings cannot hold a raw newline in JSON, so scanning a
    line at a time never cuts one."""
    depth = 0
    item: list[str] = []
    start = 0
    seen_open = False
    done = False
    for number, line in enumerate(decoded_lines(path), start=1):
        if done:
            if line.strip():
                raise InputError("text after the end of the JSON array", path, number)
            continue
        at = 0
        for match in _JSON_TOKEN.finditer(line):
            token = match.group()
            if token[0] == '"' or token == "\n":
                if depth <= 1 and token[0] == '"':
                    raise InputError("expected a JSON array of objects (tasks)", path, number)
                continue
            if not seen_open:
                if token != "[" or line[: match.start()].strip():
                    raise InputError("expected a JSON array of tasks", path, number)
                seen_open = True
                depth = 1
                at = match.end()
                continue
            if token in "[{":
                if depth == 1:
                    between = line[at : match.start()].strip().lstrip(",").strip()
                    if between:
                        raise InputError(f"unexpected {between[:20]!r} in the array", path, number)
                    start, item, at = number, [], match.start()
                depth += 1
            else:
                depth -= 1
                if depth == 1:
                    item.append(line[at : match.end()])
                    yield start, _load(item, path, start)
                    item, at = [], match.end()
                elif depth == 0:
                    done = True
                    if line[match.end() :].strip():
                        raise InputError("text after the end of the JSON array", path, number)
                    break
                elif depth < 0:
                    raise InputError("unbalanced brackets", path, number)
        if depth > 1:
            item.append(line[at:])
        elif seen_open and not done:
            rest = line[at:].strip().strip(",").strip()
            if rest and rest != "]":
                raise InputError(f"unexpected {rest[:20]!r} in the array", path, number)
    if not seen_open:
        raise InputError("expected a JSON array of tasks, found nothing", path)
    if not done:
        raise InputError("the JSON array is not closed (file cut short?)", path, start or None)


def _load(parts: list[str], path: Path, line: int) -> Any:
    try:
        return orjson.loads("".join(parts))
    except orjson.JSONDecodeError as exc:
        raise InputError(f"malformed JSON: {exc}", path, line) from None


def newline_map(text: str) -> tuple[str, list[int] | None]:
    """Text with CR/CRLF made LF, and old->new offsets when anything moved (None if not)."""
    if "\r" not in text:
        return text, None
    mapping: list[int] = []
    out: list[str] = []
    i = 0
    while i < len(text):
        mapping.append(len(out))
        ch = text[i]
        if ch == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            mapping.append(len(out))  # the \n of CRLF maps onto the same LF
            out.append("\n")
            i += 2
            continue
        out.append("\n" if ch == "\r" else ch)
        i += 1
    mapping.append(len(out))
    return "".join(out), mapping
