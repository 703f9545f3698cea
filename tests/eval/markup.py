"""Read labelled text written as inline markup: ``[LABEL words]``, nestable.

«[TITLE وزير [ORG الداخلية]]» gives the text «وزير الداخلية» with a TITLE over all of it
and an ORG over «الداخلية». Offsets are code points of the text without the markup. The
evaluation sets are written this way so that a person can read and check every label;
square brackets are not used otherwise in them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

LABELS = frozenset(("PERSON", "TITLE", "ORG", "LOC", "DATE", "QUANTITY", "LEGAL_REF", "MEASURE"))
_OPEN = re.compile(r"\[([A-Z_]+) ")


@dataclass(frozen=True)
class MarkedSpan:
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class MarkedText:
    name: str
    text: str
    spans: tuple[MarkedSpan, ...]

    def surface(self, span: MarkedSpan) -> str:
        return self.text[span.start : span.end]


class MarkupError(ValueError):
    pass


def parse(source: str, name: str = "<markup>", first_line: int = 1) -> MarkedText:
    """The plain text and its spans; an unknown label or an unbalanced bracket is an error
    naming the line."""
    out: list[str] = []
    length = 0
    stack: list[tuple[str, int, int]] = []  # label, start, line
    spans: list[MarkedSpan] = []
    line = first_line
    i = 0
    while i < len(source):
        ch = source[i]
        if ch == "[":
            match = _OPEN.match(source, i)
            if match is None or match.group(1) not in LABELS:
                raise MarkupError(f"{name}:{line}: '[' must open a span: [LABEL words]")
            stack.append((match.group(1), length, line))
            i = match.end()
            continue
        if ch == "]":
            if not stack:
                raise MarkupError(f"{name}:{line}: ']' closes no span")
            label, start, _ = stack.pop()
            text = "".join(out)[start:]
            if not text.strip() or text != text.strip():
                raise MarkupError(f"{name}:{line}: span {label} is empty or has outer spaces")
            spans.append(MarkedSpan(start, length, label))
            i += 1
            continue
        if ch == "\n":
            line += 1
        out.append(ch)
        length += 1
        i += 1
    if stack:
        label, _, opened = stack[-1]
        raise MarkupError(f"{name}:{opened}: span {label} is never closed")
    spans.sort(key=lambda s: (s.start, -s.end, s.label))
    return MarkedText(name, "".join(out).rstrip("\n"), tuple(spans))


def read(path: Path) -> MarkedText:
    source = path.read_text(encoding="utf-8")
    lead = len(source) - len(source.lstrip("\n"))
    return parse(source[lead:], path.name, first_line=1 + lead)
