"""Agreement between two annotators: span P/R/F1, token kappa and alpha, relations, per article.

Conventions (what a reviewer reads in the numbers):

* Spans: A is the reference and B the candidate, so precision = matched / spans of B and
  recall = matched / spans of A; F1 = 2·matched / (A + B) is symmetric. *Exact* matching
  needs the same start, end and label; *overlap* matching pairs spans of the same label
  that share at least one character, one-to-one, largest overlap first. When both sides
  have nothing to compare, P, R and F1 are 1.0 (they agree there is nothing).
* Tokens are text.tokens() words. A token's label is the label of the **innermost**
  (shortest) span of that annotator touching it, "O" if none; touching rather than
  covering, so «وخالد» still counts as PERSON when the proclitic و is left out of the
  span. Ties in length go to the alphabetically first label, so the result is
  deterministic. Nesting hides the outer label in this one-label-per-token view, so each
  label also gets a binary kappa where a token counts as the label when *any* span of
  that label touches it.
* Kappa is Cohen's (each annotator's own label distribution), alpha is Krippendorff's
  nominal alpha; both are None when undefined (every token got one and the same label
  from both annotators, or there are no tokens).
* Relations match on (type, head bounds and label, tail bounds and label).
* Only articles on which both annotators have a layer are compared.
* ``label=L`` keeps only spans labelled L (token kappa becomes L against everything
  else) and relations with an end labelled L.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from operator import itemgetter
from typing import Any

from annotator.core.errors import InputError
from annotator.core.review.measures import (
    SpanKey,
    binary_kappa,
    cohen_kappa,
    krippendorff_alpha,
    label_tokens,
    match_spans,
    token_bounds,
    token_confusion,
)
from annotator.core.store import Store
from annotator.core.store.sqlite import live

_CHUNK = 500  # article ids per query, under SQLite's bound-parameter limit

RelationKey = tuple[str, SpanKey, SpanKey]
Pair = tuple[list[SpanKey], list[SpanKey]]  # A's and B's
RelationPair = tuple[list[RelationKey], list[RelationKey]]


@dataclass(frozen=True, slots=True)
class Score:
    """Matched items out of A's and B's; precision and recall treat A as the reference."""

    matched: int = 0
    a: int = 0
    b: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.b if self.b else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.a if self.a else 1.0

    @property
    def f1(self) -> float:
        total = self.a + self.b
        return 2 * self.matched / total if total else 1.0

    def __add__(self, other: Score) -> Score:
        return Score(self.matched + other.matched, self.a + other.a, self.b + other.b)

    def to_dict(self) -> dict[str, Any]:
        return {
            "matched": self.matched,
            "a": self.a,
            "b": self.b,
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
        }


@dataclass(frozen=True, slots=True)
class LabelAgreement:
    label: str
    exact: Score
    overlap: Score
    kappa: float | None  # binary: touched by a span of this label or not

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "exact": self.exact.to_dict(),
            "overlap": self.overlap.to_dict(),
            "kappa": self.kappa,
        }


@dataclass(frozen=True, slots=True)
class TokenAgreement:
    tokens: int
    observed: float  # share of tokens given the same label
    kappa: float | None
    alpha: float | None


@dataclass(frozen=True, slots=True)
class ArticleAgreement:
    article_id: str
    spans_a: int
    spans_b: int
    exact_f1: float
    overlap_f1: float
    kappa: float | None
    tokens: int


@dataclass(frozen=True, slots=True)
class RelationAgreement:
    type: str
    score: Score

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, **self.score.to_dict()}


@dataclass(frozen=True)
class AgreementReport:
    a: str
    b: str
    label: str | None
    articles: int
    exact: Score
    overlap: Score
    tokens: TokenAgreement
    relations: Score
    labels: tuple[LabelAgreement, ...]
    relation_types: tuple[RelationAgreement, ...]
    per_article: tuple[ArticleAgreement, ...]  # worst first

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "label": self.label,
            "articles": self.articles,
            "exact": self.exact.to_dict(),
            "overlap": self.overlap.to_dict(),
            "tokens": asdict(self.tokens),
            "relations": self.relations.to_dict(),
            "labels": [item.to_dict() for item in self.labels],
            "relation_types": [item.to_dict() for item in self.relation_types],
            "per_article": [asdict(item) for item in self.per_article],
        }


# -- the report ------------------------------------------------------------------------


@dataclass(slots=True)
class _Totals:
    exact: Counter[str] = field(default_factory=Counter)
    overlap: Counter[str] = field(default_factory=Counter)
    spans_a: Counter[str] = field(default_factory=Counter)
    spans_b: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    binary: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    tokens: int = 0
    relations: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))


def agreement(
    store: Store,
    a: str,
    b: str,
    *,
    label: str | None = None,
    article_ids: Iterable[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> AgreementReport:
    """Compare annotator ``b`` with annotator ``a`` on every article both have worked on.

    ``progress(done, total)`` is called every few hundred articles (a window's worker
    cancels by raising from it)."""
    if a == b:
        raise InputError(f"compare two different annotators, not {a!r} with itself")
    id_a, id_b = _annotator(store, a), _annotator(store, b)
    if article_ids is None:
        chunks: list[list[str] | None] = [None]
    else:
        wanted = sorted(set(article_ids))
        chunks = [wanted[i : i + _CHUNK] for i in range(0, len(wanted), _CHUNK)]
    total = _pair_count(store, id_a, id_b) if progress is not None else 0
    totals = _Totals()
    per_article = []
    for chunk in chunks:
        for article_id, text, spans, relations in _articles(store, id_a, id_b, label, chunk):
            per_article.append(_compare_article(article_id, text, spans, relations, totals))
            if progress is not None and len(per_article) % 200 == 0:
                progress(len(per_article), total)
    if progress is not None:
        progress(len(per_article), len(per_article))
    label_order = {name: i for i, name in enumerate(lab.name for lab in store.schema.labels)}
    seen = sorted(
        totals.spans_a.keys() | totals.spans_b.keys(), key=lambda x: (label_order.get(x, 99), x)
    )
    labels = tuple(
        LabelAgreement(
            name,
            Score(totals.exact[name], totals.spans_a[name], totals.spans_b[name]),
            Score(totals.overlap[name], totals.spans_a[name], totals.spans_b[name]),
            binary_kappa(totals.binary[name], totals.tokens),
        )
        for name in seen
    )
    relation_types = tuple(
        RelationAgreement(name, Score(*counts)) for name, counts in sorted(totals.relations.items())
    )
    confusion = totals.confusion
    n_tokens = sum(confusion.values())
    observed = sum(c for (x, y), c in confusion.items() if x == y) / n_tokens if n_tokens else 1.0
    per_article.sort(key=lambda r: (r.exact_f1, 1.0 if r.kappa is None else r.kappa, r.article_id))
    return AgreementReport(
        a=a,
        b=b,
        label=label,
        articles=len(per_article),
        exact=sum((item.exact for item in labels), Score()),
        overlap=sum((item.overlap for item in labels), Score()),
        tokens=TokenAgreement(
            n_tokens, observed, cohen_kappa(confusion), krippendorff_alpha(confusion)
        ),
        relations=sum((item.score for item in relation_types), Score()),
        labels=labels,
        relation_types=relation_types,
        per_article=tuple(per_article),
    )


def _compare_article(
    article_id: str,
    text: str,
    spans: Pair,
    relations: RelationPair,
    totals: _Totals,
) -> ArticleAgreement:
    spans_a, spans_b = spans
    exact, overlap = match_spans(spans_a, spans_b)
    totals.exact.update(exact)
    totals.overlap.update(overlap)
    totals.spans_a.update(s[2] for s in spans_a)
    totals.spans_b.update(s[2] for s in spans_b)

    starts, ends = token_bounds(text)
    labels_a = label_tokens(spans_a, starts, ends)
    labels_b = label_tokens(spans_b, starts, ends)
    confusion = token_confusion(labels_a, labels_b, len(starts))
    totals.confusion.update(confusion)
    totals.tokens += len(starts)
    for name in labels_a.by_label.keys() | labels_b.by_label.keys():
        in_a, in_b = labels_a.by_label.get(name, set()), labels_b.by_label.get(name, set())
        both = len(in_a & in_b)
        counts = totals.binary[name]
        counts[0] += both
        counts[1] += len(in_a) - both
        counts[2] += len(in_b) - both

    relations_a, relations_b = Counter(relations[0]), Counter(relations[1])
    common = relations_a & relations_b
    for side, counter in ((1, relations_a), (2, relations_b), (0, common)):
        for (rel_type, _, _), count in counter.items():
            totals.relations[rel_type][side] += count

    n = len(spans_a) + len(spans_b)
    return ArticleAgreement(
        article_id=article_id,
        spans_a=len(spans_a),
        spans_b=len(spans_b),
        exact_f1=2 * sum(exact.values()) / n if n else 1.0,
        overlap_f1=2 * sum(overlap.values()) / n if n else 1.0,
        kappa=cohen_kappa(confusion),
        tokens=len(starts),
    )


def _pair_count(store: Store, id_a: int, id_b: int) -> int:
    return int(
        store.execute(
            "SELECT count(*) FROM layers la JOIN layers lb ON lb.article_id = la.article_id "
            f"WHERE la.annotator_id = ? AND lb.annotator_id = ? AND {live('la')} AND {live('lb')}",
            [id_a, id_b],
        ).fetchone()[0]
    )


def _annotator(store: Store, name: str) -> int:
    ident = store.find_annotator_id(name)
    if ident is None:
        known = ", ".join(store.annotators()) or "none yet"
        raise InputError(f"no annotator {name!r} (known: {known})")
    return ident


def _articles(
    store: Store, id_a: int, id_b: int, label: str | None, article_ids: list[str] | None
) -> Iterator[tuple[str, str, Pair, RelationPair]]:
    """Articles both annotators worked on, with their spans and relations: three queries
    walked side by side in article id order, whatever the number of articles."""
    only, only_args = "", []
    if article_ids is not None:
        only = f" AND {{t}}.article_id IN ({','.join('?' * len(article_ids))})"
        only_args = article_ids
    articles = store.execute(
        "SELECT a.id, a.text FROM articles a "
        "JOIN layers la ON la.article_id = a.id AND la.annotator_id = ? "
        "JOIN layers lb ON lb.article_id = a.id AND lb.annotator_id = ? "
        f"WHERE {live('a')} AND {live('la')} AND {live('lb')}{only.format(t='la')} ORDER BY a.id",
        [id_a, id_b, *only_args],
    )
    span_rows = store.execute(
        'SELECT s.article_id, s.annotator_id, s.start, s."end", s.label FROM spans s '
        f"WHERE s.annotator_id IN (?, ?) AND {live('s')}{only.format(t='s')} ORDER BY s.article_id",
        [id_a, id_b, *only_args],
    )
    relation_rows = store.execute(
        'SELECT r.article_id, r.annotator_id, r.type, h.start, h."end", h.label, '
        't.start, t."end", t.label FROM relations r '
        "JOIN spans h ON h.id = r.head JOIN spans t ON t.id = r.tail "
        f"WHERE r.annotator_id IN (?, ?) AND {live('r')}{only.format(t='r')} "
        "ORDER BY r.article_id",
        [id_a, id_b, *only_args],
    )
    spans = _grouped(span_rows)
    relations = _grouped(relation_rows)
    next_spans = next(spans, None)
    next_relations = next(relations, None)
    for article_id, text in articles:
        by_side: Pair = ([], [])
        while next_spans is not None and next_spans[0] < article_id:
            next_spans = next(spans, None)
        if next_spans is not None and next_spans[0] == article_id:
            for _, annotator_id, start, end, span_label in next_spans[1]:
                if label is None or span_label == label:
                    by_side[annotator_id != id_a].append((start, end, span_label))
            next_spans = next(spans, None)
        rel_side: RelationPair = ([], [])
        while next_relations is not None and next_relations[0] < article_id:
            next_relations = next(relations, None)
        if next_relations is not None and next_relations[0] == article_id:
            for _, annotator_id, rel_type, *ends in next_relations[1]:
                head, tail = (ends[0], ends[1], ends[2]), (ends[3], ends[4], ends[5])
                if label is None or label in (head[2], tail[2]):
                    rel_side[annotator_id != id_a].append((rel_type, head, tail))
            next_relations = next(relations, None)
        yield article_id, text, by_side, rel_side


def _grouped(rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
    for article_id, group in itertools.groupby(rows, key=itemgetter(0)):
        yield article_id, list(group)
