"""Deterministic benchmark data in our JSONL format, built from the sentences of data/*.txt.

Article ``i`` is drawn from its own seeded random generator, so the first 10,000 articles of
a 100,000-article file are the 10,000-article file. Every 10th article is labelled by both
``amina`` and ``karim`` (a double-annotated sample, as teams do for agreement; karim's layer
is amina's with realistic disagreements); the others by one of four annotators in turn.
Records are written exactly as ``exporters.jsonl_record`` writes them (span order, ids,
relation order, key order), so importing a file and exporting it gives the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import orjson

DATA = Path(__file__).resolve().parents[1] / "data"
VERSION = 1  # bump whenever the output changes: cached files carry it in their name
SCHEMA_VERSION = 1
ANNOTATORS = ("amina", "karim", "salma", "yassine")
DOUBLE_EVERY = 10
TARGET_CHARS = 3000

CATEGORIES = (
    "health",
    "digital",
    "workforce",
    "social_support",
    "economic",
    "organisational",
    "regulatory",
    "other",
)
MEASURE_STATUSES = (
    "announced",
    "decided",
    "in_force",
    "planned",
    "extended",
    "completed",
    "cancelled",
)
NOTES = ("يحتاج تدقيقا", "ورد في البلاغ", "تاريخ التنفيذ غير واضح")

_SENTENCE_END = re.compile(r"(?<=[.!؟?])\s+")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_WORD = re.compile(r"[^\s،,.؛;:!؟?\"«»()\[\]]+")
_DIGITS = re.compile(r"\d+")


@cache
def sentences() -> tuple[str, ...]:
    """The sample articles' sentences (boilerplate lines without Arabic letters left out)."""
    found: list[str] = []
    for path in sorted(DATA.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            for sentence in _SENTENCE_END.split(paragraph.strip()):
                sentence = sentence.strip()
                if len(sentence) > 20 and _ARABIC_LETTER.search(sentence):
                    found.append(sentence)
    return tuple(found)


@dataclass(frozen=True, slots=True)
class DraftSpan:
    start: int
    end: int
    label: str
    attributes: tuple[tuple[str, str], ...] = ()

    @property
    def key(self) -> tuple[int, int, str, tuple[tuple[str, str], ...]]:
        return (self.start, self.end, self.label, self.attributes)


@dataclass
class DraftLayer:
    annotator: str
    status: str
    spans: list[DraftSpan] = field(default_factory=list)
    relations: list[tuple[str, DraftSpan, DraftSpan]] = field(default_factory=list)


def article_text(rng: random.Random, target: int = TARGET_CHARS) -> str:
    """Paragraphs of 2-4 sample sentences, numbers varied, about ``target`` characters."""
    pool = sentences()
    paragraphs: list[str] = []
    length = 0
    while length < target:
        paragraph = " ".join(
            _DIGITS.sub(lambda m: _digits(rng, len(m.group())), rng.choice(pool))
            for _ in range(rng.randint(2, 4))
        )
        paragraphs.append(paragraph)
        length += len(paragraph) + 1
    return "\n".join(paragraphs)


def _digits(rng: random.Random, width: int) -> str:
    return str(rng.randrange(10 ** (width - 1) if width > 1 else 0, 10**width))


def _measure_attributes(rng: random.Random) -> tuple[tuple[str, str], ...]:
    pairs = [("category", rng.choice(CATEGORIES)), ("status", rng.choice(MEASURE_STATUSES))]
    if rng.random() < 0.3:
        pairs.append(("note", rng.choice(NOTES)))
    return tuple(sorted(pairs))


# Each template labels a window of consecutive words (index 0 = first word of the window):
# its size in words, and how many spans it makes.
TEMPLATES: dict[str, tuple[int, int]] = {
    "person_title": (4, 2),  # PERSON, TITLE, HAS_TITLE
    "title_org": (3, 2),  # TITLE with a nested ORG, MEMBER_OF
    "measure_date": (5, 2),  # MEASURE with a nested DATE, EFFECTIVE_ON
    "measure_org": (5, 2),  # MEASURE then ORG, ISSUED_BY
    "overlap": (4, 2),  # ORG and LOC crossing each other
    "loc": (1, 1),
    "quantity": (1, 1),
    "legal": (2, 1),
}


def _fill(
    rng: random.Random, template: str, words: list[tuple[int, int]], layer: DraftLayer
) -> None:
    def span(
        first: int, last: int, label: str, attrs: tuple[tuple[str, str], ...] = ()
    ) -> DraftSpan:
        made = DraftSpan(words[first][0], words[last][1], label, attrs)
        layer.spans.append(made)
        return made

    if template == "person_title":
        layer.relations.append(("HAS_TITLE", span(0, 1, "PERSON"), span(2, 3, "TITLE")))
    elif template == "title_org":
        layer.relations.append(("MEMBER_OF", span(0, 2, "TITLE"), span(1, 2, "ORG")))
    elif template == "measure_date":
        measure = span(0, 4, "MEASURE", _measure_attributes(rng))
        layer.relations.append(("EFFECTIVE_ON", measure, span(3, 4, "DATE")))
    elif template == "measure_org":
        measure = span(0, 2, "MEASURE", _measure_attributes(rng))
        layer.relations.append(("ISSUED_BY", measure, span(3, 4, "ORG")))
    elif template == "overlap":
        span(0, 2, "ORG")
        span(2, 3, "LOC")
    elif template == "loc":
        span(0, 0, "LOC")
    elif template == "quantity":
        span(0, 0, "QUANTITY")
    else:
        span(0, 1, "LEGAL_REF")


def first_layer(rng: random.Random, text: str, annotator: str, target_spans: int) -> DraftLayer:
    """About ``target_spans`` spans in templates placed one per stretch of the text."""
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    names = list(TEMPLATES)
    chosen: list[str] = []
    count = 0
    while count < target_spans:
        name = rng.choice(names if target_spans - count > 1 else ["loc", "quantity", "legal"])
        chosen.append(name)
        count += TEMPLATES[name][1]
    layer = DraftLayer(annotator, rng.choice(("done", "done", "in_progress")))
    stretch = len(words) // len(chosen)
    for i, name in enumerate(chosen):
        size = TEMPLATES[name][0]
        at = i * stretch + rng.randrange(max(1, stretch - size))
        _fill(rng, name, words[at : at + size], layer)
    return layer


def second_layer(rng: random.Random, text: str, first: DraftLayer, annotator: str) -> DraftLayer:
    """Another annotator on the same article: a few spans dropped, relabelled, re-attributed
    or added, as real disagreements look."""
    in_relation = {id(s) for _, h, t in first.relations for s in (h, t)}
    layer = DraftLayer(annotator, rng.choice(("done", "in_progress")))
    copies: dict[int, DraftSpan] = {}  # id() of amina's span -> karim's version of it
    for span in first.spans:
        roll = rng.random()
        copy = span
        if roll < 0.08:
            continue
        if roll < 0.16 and id(span) not in in_relation and span.label in ("LOC", "ORG"):
            copy = DraftSpan(span.start, span.end, "ORG" if span.label == "LOC" else "LOC")
        elif roll < 0.24 and span.label == "MEASURE":
            attrs = dict(span.attributes)
            attrs["status"] = rng.choice(MEASURE_STATUSES)
            copy = DraftSpan(span.start, span.end, span.label, tuple(sorted(attrs.items())))
        copies[id(span)] = copy
        layer.spans.append(copy)
    for rel_type, head, tail in first.relations:
        if id(head) in copies and id(tail) in copies:
            layer.relations.append((rel_type, copies[id(head)], copies[id(tail)]))
    if rng.random() < 0.3:
        start, end = rng.choice([(m.start(), m.end()) for m in _WORD.finditer(text)])
        extra = DraftSpan(start, end, "LOC")
        if extra.key not in {s.key for s in layer.spans}:
            layer.spans.append(extra)
    return layer


def record(article_id: str, text: str, sha: str, layer: DraftLayer) -> dict[str, Any]:
    """The line exporters.jsonl_record would write for this layer."""
    unique = {s.key: s for s in layer.spans}  # templates never repeat a span, but be sure
    ordered = sorted(unique.values(), key=lambda s: s.key)
    local = {s.key: i for i, s in enumerate(ordered, start=1)}
    spans = []
    for i, span in enumerate(ordered, start=1):
        item: dict[str, Any] = {
            "id": f"s{i}",
            "start": span.start,
            "end": span.end,
            "label": span.label,
            "text": text[span.start : span.end],
        }
        if span.attributes:
            item["attributes"] = dict(span.attributes)
        spans.append(item)
    relations = sorted({(t, local[h.key], local[tl.key]) for t, h, tl in layer.relations})
    return {
        "id": article_id,
        "text": text,
        "text_sha256": sha,
        "annotator": layer.annotator,
        "status": layer.status,
        "spans": spans,
        "relations": [{"type": t, "head": f"s{h}", "tail": f"s{tl}"} for t, h, tl in relations],
        "schema_version": SCHEMA_VERSION,
    }


def article_records(index: int, seed: int) -> list[dict[str, Any]]:
    """Article ``index``'s lines: one per annotator, in annotator name order."""
    rng = random.Random(seed * 1_000_003 + index)
    text = article_text(rng)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    article_id = f"{index:07d}_{sha[:12]}"
    if index % DOUBLE_EVERY == 0:
        amina = first_layer(rng, text, "amina", rng.randint(7, 11))
        layers = [amina, second_layer(rng, text, amina, "karim")]
    else:
        annotator = ANNOTATORS[index % len(ANNOTATORS)]
        layers = [first_layer(rng, text, annotator, rng.randint(7, 11))]
    return [record(article_id, text, sha, layer) for layer in layers]


@dataclass
class Counts:
    articles: int = 0
    layers: int = 0
    spans: int = 0
    relations: int = 0
    attributes: int = 0
    bytes: int = 0

    def add(self, line: dict[str, Any]) -> None:
        self.layers += 1
        self.spans += len(line["spans"])
        self.relations += len(line["relations"])
        self.attributes += sum(len(s.get("attributes", ())) for s in line["spans"])


def lines(n: int, seed: int, counts: Counts | None = None) -> Iterator[bytes]:
    for index in range(n):
        for line in article_records(index, seed):
            if counts is not None:
                counts.add(line)
            yield orjson.dumps(line) + b"\n"
        if counts is not None:
            counts.articles += 1


def write(path: Path, n: int, seed: int = 1) -> Counts:
    """Write ``n`` articles to ``path`` (through a .part file, so a killed run leaves none)."""
    counts = Counts()
    part = path.with_name(path.name + ".part")
    with part.open("wb") as fh:
        for line in lines(n, seed, counts):
            fh.write(line)
            counts.bytes += len(line)
    part.replace(path)
    return counts


def cached(folder: Path, n: int, seed: int = 1) -> tuple[Path, Counts]:
    """The ``n``-article file in ``folder``, generated once per (n, seed, VERSION)."""
    path = folder / f"articles-{n}-seed{seed}-v{VERSION}.jsonl"
    meta = path.with_suffix(".counts.json")
    if path.exists() and meta.exists():
        return path, Counts(**orjson.loads(meta.read_bytes()))
    folder.mkdir(parents=True, exist_ok=True)
    counts = write(path, n, seed)
    meta.write_bytes(orjson.dumps(counts.__dict__))
    return path, counts


def long_article(chars: int = 20_000, spans: int = 1_000, seed: int = 7) -> dict[str, Any]:
    """One long article crowded with stacked spans (the text view's worst case)."""
    rng = random.Random(seed)
    text = article_text(rng, chars)[:chars]
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    labels = ("PERSON", "TITLE", "ORG", "LOC", "DATE", "QUANTITY", "LEGAL_REF")
    drafts: dict[tuple[int, int, str], DraftSpan] = {}
    while len(drafts) < spans:
        first = rng.randrange(len(words) - 4)
        last = first + rng.randint(0, 3)
        label = rng.choice(labels)
        drafts[(words[first][0], words[last][1], label)] = DraftSpan(
            words[first][0], words[last][1], label
        )
    layer = DraftLayer("amina", "in_progress", list(drafts.values()))
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return record("long_" + sha[:12], text, sha, layer)


def review_records(
    chars: int = TARGET_CHARS, spans: int = 40, seed: int = 3, *, gold: bool = True
) -> list[dict[str, Any]]:
    """One article as a reviewer meets it: amina's layer, karim's with every kind of
    disagreement two analysts have (a span dropped, added, relabelled, a bound one word off,
    another MEASURE status, a relation dropped), and gold holding what they agree on."""
    rng = random.Random(seed)
    text = article_text(rng, chars)[:chars].rstrip()
    words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
    starts = {start: i for i, (start, _) in enumerate(words)}
    ends = {end: i for i, (_, end) in enumerate(words)}
    amina = first_layer(rng, text, "amina", spans)
    karim = DraftLayer("karim", "done")
    copies: dict[int, DraftSpan] = {}
    in_relation = {id(x) for _, h, t in amina.relations for x in (h, t)}
    for span in amina.spans:
        roll = rng.random()
        copy = span
        if roll < 0.06:
            continue
        if roll < 0.12 and id(span) not in in_relation:
            other = rng.choice([x for x in ("ORG", "LOC", "TITLE") if x != span.label])
            copy = DraftSpan(span.start, span.end, other, span.attributes)
        elif roll < 0.2:
            first, last = starts[span.start], ends[span.end]
            if rng.random() < 0.5 and last + 1 < len(words):
                copy = DraftSpan(span.start, words[last + 1][1], span.label, span.attributes)
            elif first > 0:
                copy = DraftSpan(words[first - 1][0], span.end, span.label, span.attributes)
        elif roll < 0.3 and span.label == "MEASURE":
            attrs = dict(span.attributes)
            attrs["status"] = rng.choice([x for x in MEASURE_STATUSES if x != attrs["status"]])
            copy = DraftSpan(span.start, span.end, span.label, tuple(sorted(attrs.items())))
        copies[id(span)] = copy
        karim.spans.append(copy)
    for rel_type, head, tail in amina.relations:
        if id(head) in copies and id(tail) in copies and rng.random() > 0.1:
            karim.relations.append((rel_type, copies[id(head)], copies[id(tail)]))
    for _ in range(max(1, spans // 30)):
        start, end = rng.choice(words)
        karim.spans.append(DraftSpan(start, end, "LOC"))
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    article_id = f"review_{seed}_{sha[:10]}"
    layers = [amina, karim]
    if gold:
        agreed = {s.key for s in karim.spans} & {s.key for s in amina.spans}
        kept = [s for s in amina.spans if s.key in agreed]
        layers.append(
            DraftLayer(
                "gold",
                "in_progress",
                kept,
                [(t, h, tl) for t, h, tl in amina.relations if h in kept and tl in kept],
            )
        )
    return [record(article_id, text, sha, layer) for layer in layers]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    counts = write(args.out, args.n, args.seed)
    print(counts)


if __name__ == "__main__":
    main()
