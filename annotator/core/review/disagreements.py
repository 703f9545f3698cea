"""Where two layers of an article disagree, and what gold has decided at each place.

A reviewer adjudicates *items*: the places where layer A and layer B differ (a span only
one of them has, a label or bounds that differ, a MEASURE's attributes that differ, a
relation only one of them drew or drew between other bounds), in reading order. An item is
*decided* when gold holds a version of that place (a span matched to it, a relation
between the spans gold holds there) or when gold has recorded that every version of it
was rejected (adjudication.Reject); a relation whose end gold rejected is decided too,
since gold can no longer hold it.

Gold spans are matched to places the way layers are paired: the same bounds and label
as one side first, then the largest overlap with a side of the same label (gold bounds a
reviewer edited), then the same bounds with a third label (gold relabelled).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Literal

from annotator.core import models
from annotator.core.models import GOLD, Relation, Span
from annotator.core.review.pairing import SpanPair, overlapping, pair_spans, shared, span_key
from annotator.core.store import Store

ItemKind = Literal[
    "only_a",
    "only_b",
    "label",
    "bounds",
    "bounds_label",
    "attributes",
    "relation_only_a",
    "relation_only_b",
    "relation_ends",
]
ITEM_KINDS: tuple[ItemKind, ...] = (
    "only_a",
    "only_b",
    "label",
    "bounds",
    "bounds_label",
    "attributes",
    "relation_only_a",
    "relation_only_b",
    "relation_ends",
)
ItemKey = tuple[str, int, int]  # "span" or "relation", A's id, B's id (0: none)
RelationKind = Literal["agree", "ends", "only_a", "only_b"]


@dataclass(frozen=True, slots=True)
class RelationPair:
    """A relation as the two layers drew it: the same type between the same places
    (agree: same bounds too; ends: bounds differ at an end), or drawn by one side only."""

    kind: RelationKind
    a: Relation | None
    b: Relation | None
    head: int  # index of the head's place in ArticleReview.pairs
    tail: int

    @property
    def type(self) -> str:
        return (self.a or self.b).type  # type: ignore[union-attr]


@dataclass(frozen=True, slots=True)
class Item:
    """One disagreement and gold's state there."""

    kind: ItemKind
    key: ItemKey
    position: int  # code point where the reviewer reads it
    pair: int  # index in ArticleReview.pairs (span items) or .relation_pairs
    decided: bool

    @property
    def is_relation(self) -> bool:
        return self.key[0] == "relation"


@dataclass(frozen=True)
class ArticleReview:
    """The comparison of layers A and B on one article, with gold's decisions."""

    article_id: str
    a: str
    b: str
    pairs: tuple[SpanPair, ...]
    gold_of_pair: tuple[Span | None, ...]  # gold's version of each place
    relation_pairs: tuple[RelationPair, ...]
    gold_of_relation: tuple[Relation | None, ...]
    gold: tuple[Span, ...]
    gold_relations: tuple[Relation, ...]
    rejected: frozenset[str]
    items: tuple[Item, ...]  # the disagreements, in reading order
    spans_a: dict[int, Span] = field(default_factory=dict)
    spans_b: dict[int, Span] = field(default_factory=dict)
    relations_a: tuple[Relation, ...] = ()
    relations_b: tuple[Relation, ...] = ()
    place_of_span: dict[int, int] = field(default_factory=dict)  # span id (A, B, gold) -> pair
    # A's layer and gold's version, read before the rest (so never newer than what is shown):
    # a decision quotes them (layer versions), None when not read from a store.
    layer_a: models.Layer | None = None
    gold_version: int | None = None

    # -- reading -----------------------------------------------------------------------

    @property
    def undecided(self) -> int:
        return sum(not item.decided for item in self.items)

    def index(self, key: ItemKey | None) -> int | None:
        if key is None:
            return None
        for i, item in enumerate(self.items):
            if item.key == key:
                return i
        return None

    def item(self, key: ItemKey) -> Item | None:
        found = self.index(key)
        return None if found is None else self.items[found]

    def span_pair(self, item: Item) -> SpanPair:
        if item.is_relation:
            raise ValueError("a relation item has no span pair")
        return self.pairs[item.pair]

    def relation_pair(self, item: Item) -> RelationPair:
        if not item.is_relation:
            raise ValueError("a span item has no relation pair")
        return self.relation_pairs[item.pair]

    def extent(self, item: Item) -> tuple[int, int]:
        """The text an item covers (a relation: from its first end to its last)."""
        if item.is_relation:
            rel = self.relation_pairs[item.pair]
            places = (self.pairs[rel.head], self.pairs[rel.tail])
            return min(p.start for p in places), max(p.end for p in places)
        pair = self.pairs[item.pair]
        return pair.start, pair.end

    def item_of_span(self, span_id: int) -> Item | None:
        """The span disagreement at the place of a span of A, B or gold (None: they agree)."""
        place = self.place_of_span.get(span_id)
        if place is None:
            return None
        for item in self.items:
            if not item.is_relation and item.pair == place:
                return item
        return None

    # -- stepping ----------------------------------------------------------------------

    def step(self, key: ItemKey | None, direction: int) -> Item | None:
        """The item after (direction 1) or before (-1) ``key`` in reading order; from no
        key, the first (or last); None past either end."""
        if not self.items:
            return None
        at = self.index(key)
        if at is None:
            return self.items[0 if direction > 0 else -1]
        at += direction
        return self.items[at] if 0 <= at < len(self.items) else None

    def next_undecided(self, key: ItemKey | None, direction: int = 1) -> Item | None:
        """The first undecided item after ``key`` (from the start without one)."""
        at = self.index(key)
        order = range(len(self.items)) if direction > 0 else range(len(self.items) - 1, -1, -1)
        for i in order:
            if at is not None and (i <= at if direction > 0 else i >= at):
                continue
            if not self.items[i].decided:
                return self.items[i]
        return None


def span_item_key(span: Span) -> str:
    """How gold records that a span was rejected (its place and label, not its id: the
    analyst's span may be deleted and made again)."""
    return f"span {span.start} {span.end} {span.label}"


def relation_item_key(relation: Relation, spans: dict[int, Span]) -> str:
    head, tail = spans[relation.head], spans[relation.tail]
    return (
        f"relation {relation.type} {head.start} {head.end} {head.label} "
        f"{tail.start} {tail.end} {tail.label}"
    )


def rejections(store: Store, article_id: str) -> frozenset[str]:
    rows = store.execute("SELECT item FROM gold_rejections WHERE article_id = ?", [article_id])
    return frozenset(r[0] for r in rows)


def article_review(store: Store, article_id: str, a: str, b: str) -> ArticleReview:
    """Compare layers ``a`` and ``b`` of an article and read gold's decisions."""
    layer_a, gold_version = store.layer(article_id, a), store.layer(article_id, GOLD).version
    spans_a, spans_b = store.spans(article_id, a), store.spans(article_id, b)
    gold = store.spans(article_id, GOLD)
    review = review_of(
        article_id,
        a,
        b,
        (spans_a, store.relations(article_id, a)),
        (spans_b, store.relations(article_id, b)),
        (gold, store.relations(article_id, GOLD)),
        rejections(store, article_id),
    )
    return replace(review, layer_a=layer_a, gold_version=gold_version)


Layer = tuple[list[Span], list[Relation]]


def review_of(
    article_id: str, a: str, b: str, layer_a: Layer, layer_b: Layer, gold_layer: Layer,
    rejected: frozenset[str],
) -> ArticleReview:  # fmt: skip
    """article_review on layers already read (plain data: the tests' and the set's way)."""
    spans_a, relations_a = layer_a
    spans_b, relations_b = layer_b
    gold, gold_relations = gold_layer
    pairs = pair_spans(spans_a, spans_b)
    place_of_span = {s.id: i for i, pair in enumerate(pairs) for s in pair.sides()}
    gold_of_pair = _match_gold(pairs, gold)
    place_of_span.update((g.id, i) for i, g in enumerate(gold_of_pair) if g is not None)
    by_id_a = {s.id: s for s in spans_a}
    by_id_b = {s.id: s for s in spans_b}
    relation_pairs = _pair_relations(relations_a, relations_b, by_id_a, by_id_b, place_of_span)
    gold_of_relation = _match_gold_relations(relation_pairs, gold_relations, place_of_span)

    pair_rejected = [
        gold_of_pair[i] is None and all(span_item_key(s) in rejected for s in pair.sides())
        for i, pair in enumerate(pairs)
    ]
    items: list[tuple[tuple[int, int, int, int], Item]] = []
    for i, pair in enumerate(pairs):
        kind = _span_kind(pair)
        if kind is None:
            continue
        decided = gold_of_pair[i] is not None or pair_rejected[i]
        key: ItemKey = ("span", pair.a.id if pair.a else 0, pair.b.id if pair.b else 0)
        items.append(((pair.start, 0, -pair.end, i), Item(kind, key, pair.start, i, decided)))
    for i, rel in enumerate(relation_pairs):
        if rel.kind == "agree":
            continue
        sides = [(rel.a, by_id_a), (rel.b, by_id_b)]
        settled = all(
            relation_item_key(r, spans) in rejected
            or pair_rejected[rel.head]
            or pair_rejected[rel.tail]
            for r, spans in sides
            if r is not None
        )
        decided = gold_of_relation[i] is not None or settled
        position = max(pairs[rel.head].start, pairs[rel.tail].start)
        key = ("relation", rel.a.id if rel.a else 0, rel.b.id if rel.b else 0)
        items.append(
            ((position, 1, 0, i), Item(_RELATION_KINDS[rel.kind], key, position, i, decided))
        )
    items.sort(key=lambda pair: pair[0])
    return ArticleReview(
        article_id=article_id,
        a=a,
        b=b,
        pairs=tuple(pairs),
        gold_of_pair=tuple(gold_of_pair),
        relation_pairs=tuple(relation_pairs),
        gold_of_relation=tuple(gold_of_relation),
        gold=tuple(gold),
        gold_relations=tuple(gold_relations),
        rejected=rejected,
        items=tuple(item for _, item in items),
        spans_a=by_id_a,
        spans_b=by_id_b,
        relations_a=tuple(relations_a),
        relations_b=tuple(relations_b),
        place_of_span=place_of_span,
    )


_RELATION_KINDS: dict[RelationKind, ItemKind] = {
    "ends": "relation_ends",
    "only_a": "relation_only_a",
    "only_b": "relation_only_b",
}


def _span_kind(pair: SpanPair) -> ItemKind | None:
    if pair.kind == "agree":
        return "attributes" if pair.attributes_differ else None
    if pair.kind == "label_mismatch":
        return "label"
    if pair.kind == "overlap":
        return "bounds_label" if pair.label_differs else "bounds"
    return pair.kind


def _match_gold(pairs: list[SpanPair], gold: list[Span]) -> list[Span | None]:
    """Gold's span at each place: one gold span per place and one place per gold span."""
    matched: list[Span | None] = [None] * len(pairs)
    used: set[int] = set()
    by_key: dict[tuple[int, int, str], list[int]] = defaultdict(list)
    for i, pair in enumerate(pairs):
        for key in dict.fromkeys(span_key(s) for s in pair.sides()):
            by_key[key].append(i)
    for g_index, gold_span in enumerate(gold):
        for i in by_key.get(span_key(gold_span), ()):
            if matched[i] is None:
                matched[i] = gold_span
                used.add(g_index)
                break
    # Only the gold spans left (edited or relabelled ones, usually few) go into the sweep.
    rest = [g for g in range(len(gold)) if g not in used]
    sides = [(s, i) for i, pair in enumerate(pairs) for s in pair.sides()]
    side_spans = [s for s, _ in sides]
    candidates = sorted(
        (-shared(gold[rest[g]], side_spans[s]), rest[g], sides[s][1], s)
        for g, s in overlapping([gold[g] for g in rest], side_spans)
    )
    for same_label in (True, False):
        for _, g, i, s in candidates:
            side = side_spans[s]
            if g in used or matched[i] is not None:
                continue
            fits = (
                gold[g].label == side.label
                if same_label
                else (gold[g].start, gold[g].end) == (side.start, side.end)
            )
            if fits:
                matched[i] = gold[g]
                used.add(g)
    return matched


def _pair_relations(
    relations_a: list[Relation],
    relations_b: list[Relation],
    spans_a: dict[int, Span],
    spans_b: dict[int, Span],
    place_of_span: dict[int, int],
) -> list[RelationPair]:
    Keyed = tuple[Relation, tuple[object, ...], tuple[str, int, int]]  # exact, by place

    def keyed(relations: list[Relation], spans: dict[int, Span]) -> list[Keyed]:
        found: list[Keyed] = []
        for r in relations:
            if r.head in spans and r.tail in spans:
                exact = (r.type, span_key(spans[r.head]), span_key(spans[r.tail]))
                found.append((r, exact, (r.type, place_of_span[r.head], place_of_span[r.tail])))
        return found

    left, right = keyed(relations_a, spans_a), keyed(relations_b, spans_b)
    pairs: list[RelationPair] = []
    for kind, field_index in (("agree", 1), ("ends", 2)):
        waiting: dict[object, list[int]] = defaultdict(list)
        for j, entry in enumerate(right):
            waiting[entry[field_index]].append(j)
        taken: set[int] = set()
        rest = []
        for entry in left:
            queue = waiting.get(entry[field_index])
            if queue:
                j = queue.pop(0)
                taken.add(j)
                _, head, tail = entry[2]
                pairs.append(RelationPair(kind, entry[0], right[j][0], head, tail))  # type: ignore[arg-type]
            else:
                rest.append(entry)
        left = rest
        right = [entry for j, entry in enumerate(right) if j not in taken]
    pairs.extend(RelationPair("only_a", r, None, key[1], key[2]) for r, _, key in left)
    pairs.extend(RelationPair("only_b", None, r, key[1], key[2]) for r, _, key in right)
    return pairs


def _match_gold_relations(
    pairs: list[RelationPair], gold: list[Relation], place_of_span: dict[int, int]
) -> list[Relation | None]:
    waiting: dict[tuple[str, int, int], list[Relation]] = defaultdict(list)
    for r in gold:
        if r.head in place_of_span and r.tail in place_of_span:
            waiting[(r.type, place_of_span[r.head], place_of_span[r.tail])].append(r)
    matched: list[Relation | None] = []
    for pair in pairs:
        queue = waiting.get((pair.type, pair.head, pair.tail))
        matched.append(queue.pop(0) if queue else None)
    return matched


__all__ = [
    "ITEM_KINDS",
    "ArticleReview",
    "Item",
    "ItemKey",
    "ItemKind",
    "RelationPair",
    "article_review",
    "rejections",
    "relation_item_key",
    "review_of",
    "span_item_key",
]
