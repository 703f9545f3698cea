"""Decoding a file's bytes into article text once, checking and freezing it."""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from annotator.core.errors import InputError

_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
# Controls that never belong in an article (tab, newline and carriage return do).
_BAD_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Bytes that failed to decode, as surrogateescape shows them; runs of ASCII.
_ESCAPED = re.compile("[\udc80-\udcff]")
_ASCII_RUNS = re.compile("[\x00-\x7f]+")


def decode(data: bytes, path: str | Path | None = None) -> str:
    """Decode a file's bytes once: UTF-8 (BOM or not), UTF-16 with BOM, or Windows-1256.

    Windows-1256 only for a file that is not mostly UTF-8 (see check_utf8_or_legacy):
    a UTF-8 file with one bad byte is an error naming its line and byte offset, never
    mojibake. Anything else, and binary data, is an InputError: we never guess silently.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8", path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16", path)
    if b"\x00" in data:
        raise InputError("binary data (NUL bytes); not a text file", path, _line_of(data, b"\x00"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    check_utf8_or_legacy([data], path)
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    if text and _ARABIC_LETTER.search(text) and not _BAD_CONTROL.search(text):
        return text
    line = data[: utf8_error.start].count(b"\n") + 1
    raise InputError(
        f"not UTF-8, UTF-16 or Windows-1256 text (byte 0x{data[utf8_error.start]:02x})",
        path,
        line,
    )


def check_utf8_or_legacy(blocks: Iterable[bytes], path: str | Path | None = None) -> None:
    """Refuse bytes that are mostly UTF-8 but not all of it, naming the first bad byte.

    The rule: bytes that fail to decode as UTF-8 may be legacy Windows-1256 only when the
    bytes in valid multi-byte UTF-8 sequences are fewer than the bytes that fail. In
    Windows-1256 Arabic, letters (0xC1-0xFE) mostly follow one another, which UTF-8 never
    allows, so only a few pairs (a letter before «،», say) decode by chance; a UTF-8 file
    damaged in one place decodes everywhere else. Nothing is ever read both ways.
    """
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    valid = invalid = 0
    first_bad: tuple[int, int, int] | None = None  # line, byte offset, byte
    offset = lines = 0
    for block in blocks:
        chunk = decoder.decode(block)
        bad = _ESCAPED.findall(chunk)
        invalid += len(bad)
        if bad:
            valid += len(_ASCII_RUNS.sub("", chunk).encode("utf-8", "surrogateescape")) - len(bad)
            if first_bad is None:
                where = _ESCAPED.search(chunk)
                assert where is not None
                before = chunk[: where.start()].encode("utf-8", "surrogateescape")
                first_bad = (
                    lines + before.count(b"\n") + 1,
                    offset + len(before),
                    ord(where.group()) - 0xDC00,
                )
        else:
            valid += len(_ASCII_RUNS.sub("", chunk).encode("utf-8"))
        offset += len(block)
        lines += block.count(b"\n")
    if first_bad is not None and valid > invalid:
        line, at, byte = first_bad
        raise InputError(
            f"invalid UTF-8 at byte offset {at} (byte 0x{byte:02x}); the rest of the file is "
            "UTF-8, so it is not read as Windows-1256: fix or remove that byte",
            path,
            line,
        )


def _strict(data: bytes, encoding: str, path: str | Path | None) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1 if encoding == "utf-8" else None
        raise InputError(f"invalid {encoding.upper()}: {exc.reason}", path, line) from None


def _line_of(data: bytes, needle: bytes) -> int:
    return data[: data.index(needle)].count(b"\n") + 1


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_text(text: str, path: str | Path | None = None, line: int | None = None) -> None:
    """Refuse text with control characters no article can hold."""
    bad = _BAD_CONTROL.search(text)
    if bad:
        at = line if line is not None else text.count("\n", 0, bad.start()) + 1
        raise InputError(f"control character U+{ord(bad.group()):04X} in text", path, at)


def trim_outer_blank_lines(text: str) -> str:
    """Drop blank lines (spaces and no-break spaces count as blank) at both ends.

    Only plain text is trimmed; text that arrives with spans is never changed.
    """
    # Scanned line by line: the regex this replaces backtracked quadratically over a long
    # run of blank lines inside the text (16,000 no-break-space lines took 12 s).
    start = 0
    while (newline := text.find("\n", start)) != -1 and not text[start:newline].strip():
        start = newline + 1
    end = len(text)
    while (newline := text.rfind("\n", start, end)) != -1 and not text[newline + 1 : end].strip():
        end = newline
    return text[start:end]


def frozen_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def title_of(text: str, limit: int = 120) -> str:
    """The first non-blank line, shortened for lists."""
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line if len(line) <= limit else line[: limit - 1] + "…"
    return ""
