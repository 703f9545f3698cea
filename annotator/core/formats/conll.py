"""CoNLL/BIO (IOB2) both ways: one token a line in the four columns spaCy's ``convert -c ner``
reads (token, tag, chunk, entity), documents after ``-DOCSTART- -X- O O``, a blank line
between paragraphs. Nested spans are flattened to the outermost (and counted), or written
as more tag columns, one per nesting depth, the outermost always last."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from pathlib import Path

from annotator.core.errors import InputError
from annotator.core.formats.layers import ExportLayer, ExportSpan
from annotator.core.formats.output import ExportOptions, ExportReport, Output
from annotator.core.formats.records import (
    IncomingArticle,
    IncomingSpan,
    ReadContext,
    check_article_id,
    check_article_text,
)
from annotator.core.formats.source import decoded_lines
from annotator.core.formats.token_cover import cover_tokens, span_edges

# spaCy splits documents on exactly this line; CoNLL-2003's own "-DOCSTART- -X- -X- O"
# made spaCy's converter emit a document holding the word "-DOCSTART-" (tested).
DOCSTART = "-DOCSTART- -X- O O"
NESTED_MODES = ("outermost", "columns")


def depths(spans: list[ExportSpan]) -> list[int]:
    """Each span's nesting depth: spans sorted by start (longest first) go to the first
    depth whose last span ends before them; 0 is the outermost layer."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i].start, -spans[i].end))
    reach: list[int] = []
    depth = [0] * len(spans)
    for i in order:
        span = spans[i]
        level = next((n for n, end in enumerate(reach) if end <= span.start), len(reach))
        if level == len(reach):
            reach.append(0)
        reach[level] = span.end
        depth[i] = level
    return depth


def conll_lines(layer: ExportLayer, options: ExportOptions, report: ExportReport) -> Iterator[str]:
    text = layer.text
    spans = layer.ordered_spans()
    level = depths(spans)
    columns = max(level, default=0) + 1 if options.nested == "columns" else 1
    dropped = sum(1 for d in level if d >= columns)
    if dropped:
        report.dropped["nested or crossing spans (--nested columns keeps them)"] += dropped
    starts, ends = span_edges((s.start, s.end) for s in spans)
    tokens = cover_tokens(text, starts, ends)
    tags = [["O"] * len(tokens) for _ in range(columns)]
    token_starts = [t.start for t in tokens]
    inside = [False] * len(tokens)  # under some span: no sentence break there
    for span, d in zip(spans, level, strict=True):
        first = bisect_left(token_starts, span.start)
        words = [
            i
            for i in range(first, len(tokens))
            if tokens[i].start < span.end and not tokens[i].is_space(text)
        ]
        for i in range(first, len(tokens)):
            if tokens[i].start >= span.end:
                break
            inside[i] = True
        if not words:
            report.dropped["spans of white space only"] += 1
            continue
        if d < columns:
            for n, i in enumerate(words):
                tags[d][i] = ("B-" if n == 0 else "I-") + span.label
    yield DOCSTART
    yield ""
    pending_break = False
    wrote = False
    for i, token in enumerate(tokens):
        if token.is_space(text):
            if "\n" in text[token.start : token.end] and not inside[i]:
                pending_break = True
            continue
        if pending_break and wrote:
            yield ""
        pending_break = False
        wrote = True
        # Outermost last: spaCy and most readers take the final column as the entity.
        row = [tags[d][i] for d in reversed(range(columns))]
        yield " ".join([text[token.start : token.end], "_", "_", *row])
    yield ""


def write_conll(
    layers: Iterable[ExportLayer], out: Output, report: ExportReport, options: ExportOptions
) -> None:
    if options.nested not in NESTED_MODES:
        raise InputError(f"--nested must be one of {', '.join(NESTED_MODES)}")
    with out.stream() as fh:
        for layer in layers:
            if layer.relations:
                report.dropped["relations"] += len(layer.relations)
            attributes = sum(len(s.attributes) for s in layer.spans)
            if attributes:
                report.dropped["attributes"] += attributes
            if layer.comment:
                report.dropped["review comments"] += 1
            if layer.annotator is not None and layer.status != "in_progress":
                report.dropped["layer statuses other than in_progress"] += 1
            fh.write(("\n".join(conll_lines(layer, options, report)) + "\n").encode("utf-8"))


def read_conll(path: Path, context: ReadContext) -> Iterator[IncomingArticle]:
    """Each document becomes an article ``<file stem>-<n>`` whose text is its tokens joined
    by spaces, paragraphs by newlines (CoNLL keeps no spacing and no article id)."""
    doc: list[list[tuple[str, list[str], int]]] = []
    start_line = 0
    number = 0
    count = 0
    for number, raw in enumerate(decoded_lines(path), start=1):
        line = raw.strip()
        if line.startswith("-DOCSTART-"):
            if any(doc):
                count += 1
                yield _article(doc, count, start_line, path, context)
            doc, start_line = [], number
            continue
        if not line:
            if doc and doc[-1]:
                doc.append([])
            continue
        cols = line.split()
        if len(cols) < 2:
            raise InputError("a token line needs at least a token and a tag", path, number)
        if not doc:
            doc, start_line = [[]], number
        tags = cols[3:] if len(cols) >= 4 else cols[-1:]
        doc[-1].append((cols[0], tags, number))
    if any(doc):
        count += 1
        yield _article(doc, count, start_line, path, context)


def _article(
    doc: list[list[tuple[str, list[str], int]]],
    count: int,
    line: int,
    path: Path,
    context: ReadContext,
) -> IncomingArticle:
    parts: list[str] = []
    rows: list[tuple[int, int, list[str], int]] = []  # start, end, tags, line
    at = 0
    for sentence in (s for s in doc if s):
        if parts:
            parts.append("\n")
            at += 1
        for n, (token, tags, number) in enumerate(sentence):
            if n:
                parts.append(" ")
                at += 1
            parts.append(token)
            rows.append((at, at + len(token), tags, number))
            at += len(token)
    text = check_article_text("".join(parts), path, line)
    width = max(len(r[2]) for r in rows)
    spans: list[IncomingSpan] = []
    for column in range(width):
        spans.extend(_column_spans(rows, column, width, context, path))
    spans.sort(key=lambda s: s.key)
    context.note("articles rebuilt from tokens (CoNLL keeps no spacing and no article id)")
    return IncomingArticle(
        check_article_id(f"{path.stem}-{count}", path, line),
        text,
        line,
        annotator=context.annotator_for(None, bool(spans), path, line),
        spans=spans,
    )


def _column_spans(
    rows: list[tuple[int, int, list[str], int]],
    column: int,
    width: int,
    context: ReadContext,
    path: Path,
) -> Iterator[IncomingSpan]:
    """The spans of one tag column (columns counted from the right, as they were written)."""
    open_: tuple[int, int, str] | None = None  # start, end, label
    for start, end, tags, number in rows:
        if len(tags) != width:
            raise InputError(f"{len(tags)} tag column(s) here, {width} elsewhere", path, number)
        tag = tags[width - 1 - column]
        if tag == "O":
            if open_:
                yield IncomingSpan(open_[0], open_[1], open_[2])
            open_ = None
            continue
        prefix, _, label = tag.partition("-")
        if prefix not in ("B", "I") or not label:
            raise InputError(f"tag {tag!r} is not O, B-LABEL or I-LABEL (IOB2)", path, number)
        if label not in context.schema.label_names:
            known = ", ".join(sorted(context.schema.label_names))
            raise InputError(f"unknown label {label!r} (known: {known})", path, number)
        if prefix == "I":
            if open_ is None or open_[2] != label:
                raise InputError(
                    f"{tag} does not continue a {label} span: IOB2 starts one with B-{label}",
                    path,
                    number,
                )
            open_ = (open_[0], end, label)
            continue
        if open_:
            yield IncomingSpan(open_[0], open_[1], open_[2])
        open_ = (start, end, label)
    if open_:
        yield IncomingSpan(open_[0], open_[1], open_[2])
