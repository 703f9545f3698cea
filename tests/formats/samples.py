"""The sample articles with the hand-made labels of fixtures/sample_labels.txt, put into a
store through the label actions as an analyst would (amina), plus a gold copy of two."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from annotator.core.actions import AddRelation, AddSpan, SetAttribute, SetStatus
from annotator.core.formats.importers import import_paths
from annotator.core.models import GOLD
from annotator.core.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
DATA = Path(__file__).resolve().parents[2] / "data"
_SPAN = re.compile(r"^(\w+) ([A-Z_]+) (.+?)(?: ([@#]\w+))?(?: \{(.*)\})?$")


@dataclass
class Counts:
    articles: int = 0
    spans: int = 0
    relations: int = 0
    attributes: int = 0


def _start(text: str, surface: str, where: str | None, spans: dict[str, tuple[int, int]]) -> int:
    if where and where.startswith("@"):
        lo, hi = spans[where[1:]]
        at = text.find(surface, lo, hi)
        assert at >= 0, f"{surface!r} not inside {where}"
        return at
    at = -1
    for _ in range(int(where[1:]) if where else 1):
        at = text.find(surface, at + 1)
        assert at >= 0, f"{surface!r} {where} not found"
    return at


def label_samples(store: Store, annotator: str = "amina") -> Counts:
    """Import data/ and label it; returns what was labelled."""
    assert not import_paths(store, [DATA]).errors
    counts = Counts()
    article_id = ""
    text = ""
    ids: dict[str, int] = {}
    bounds: dict[str, tuple[int, int]] = {}
    for line in (FIXTURES / "sample_labels.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("== "):
            article_id = line[3:].strip()
            article = store.article(article_id)
            assert article is not None
            text, ids, bounds = article.text, {}, {}
            counts.articles += 1
            SetStatus(article_id, annotator, "done").apply(store)
            continue
        if line.startswith("R "):
            _, rel_type, head, tail = line.split()
            AddRelation(rel_type, ids[head], ids[tail]).apply(store)
            counts.relations += 1
            continue
        match = _SPAN.match(line)
        assert match, line
        name, label, surface, where, attrs = match.groups()
        start = _start(text, surface, where, bounds)
        action = AddSpan(article_id, annotator, start, start + len(surface), label).apply(store)
        ids[name] = action.span_ids[0]
        bounds[name] = (start, start + len(surface))
        counts.spans += 1
        for pair in (attrs or "").split():
            key, value = pair.split("=", 1)
            value = value.replace("_", " ") if key == "note" else value
            SetAttribute(ids[name], key, value).apply(store)
            counts.attributes += 1
    return counts


def add_gold(store: Store, article_ids: tuple[str, ...] = ("000_df08c50dd71f35aa",)) -> int:
    """Copy amina's spans of these articles to gold (a second layer on the same text)."""
    copied = 0
    for article_id in article_ids:
        for span in store.spans(article_id, "amina"):
            AddSpan(article_id, GOLD, span.start, span.end, span.label).apply(store)
            copied += 1
    return copied


def stored_counts(store: Store, annotator: str | None = None) -> Counts:
    where, args = ("WHERE n.name = ?", [annotator]) if annotator else ("", [])
    join = "JOIN annotators n ON n.id = {t}.annotator_id"

    def one(sql: str) -> int:
        return int(store.conn.execute(sql, args).fetchone()[0])

    return Counts(
        articles=int(store.conn.execute("SELECT count(*) FROM articles").fetchone()[0]),
        spans=one(f"SELECT count(*) FROM spans s {join.format(t='s')} {where}"),
        relations=one(f"SELECT count(*) FROM relations r {join.format(t='r')} {where}"),
        attributes=one(
            f"SELECT count(*) FROM span_attributes a JOIN spans s ON s.id = a.span_id "
            f"{join.format(t='s')} {where}"
        ),
    )
