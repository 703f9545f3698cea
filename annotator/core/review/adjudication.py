"""Settling the disagreements of two layers into gold, one undoable action per decision.

Each decision names its place by item key (disagreements.ItemKey) and is planned on its
first apply, inside its own transaction, from what the database holds then. It quotes the
version of gold read with the reviewer's screen (on_gold_as_seen): if another reviewer
changed gold since, the decision is refused (LayerConflictError) rather than planned on a
gold she has not seen. Undo reverts the steps taken; redo replays them with the same ids.

A decision says which side is right at a place: side "a" or "b" (its span with its
attributes, or no span when that side has none there), or None for neither (gold records
the rejection, so the place counts as decided). A relation's decision brings its ends
into gold when gold holds nothing there yet, in the same step.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Literal, TypeVar

from annotator.core.actions import (
    Action,
    AddRelation,
    AddSpan,
    Batch,
    Change,
    DeleteRelation,
    DeleteSpan,
    SetAttribute,
    SetBounds,
    SetLabel,
)
from annotator.core.errors import ActionError
from annotator.core.models import GOLD, Relation, Span
from annotator.core.review.disagreements import (
    ArticleReview,
    Item,
    ItemKey,
    article_review,
    relation_item_key,
    span_item_key,
)
from annotator.core.review.gold import CopyToGold, accept_span
from annotator.core.review.pairing import span_key
from annotator.core.store import Store

Side = Literal["a", "b"]
T = TypeVar("T", Span, Relation)


# -- gold's record of rejections --------------------------------------------------------


@dataclass
class Reject(Action):
    """Record that gold holds nothing at these places (keys of disagreements.span_item_key
    or relation_item_key); undo forgets only what this action recorded."""

    article_id: str
    items: tuple[str, ...]
    _added: tuple[str, ...] = ()
    description = "reject in gold"

    @property
    def annotator_name(self) -> str:  # type: ignore[override]
        return GOLD

    def _apply(self, store: Store) -> Change:
        have = _rejected(store, self.article_id, self.items)
        self._added = tuple(dict.fromkeys(i for i in self.items if i not in have))
        store.executemany(
            "INSERT INTO gold_rejections (article_id, item, at) VALUES (?, ?, ?)",
            [(self.article_id, item, time.time()) for item in self._added],
        )
        store.touch_layer(self.article_id, GOLD)
        return Change(self.article_id)

    def _revert(self, store: Store) -> Change:
        _forget(store, self.article_id, self._added)
        return Change(self.article_id)


@dataclass
class Unreject(Action):
    """Forget recorded rejections (gold takes that version after all)."""

    article_id: str
    items: tuple[str, ...]
    _removed: tuple[tuple[str, float], ...] = ()
    description = "take back a rejection"

    @property
    def annotator_name(self) -> str:  # type: ignore[override]
        return GOLD

    def _apply(self, store: Store) -> Change:
        marks = ",".join("?" * len(self.items))
        self._removed = tuple(
            (r[0], r[1])
            for r in store.execute(
                f"SELECT item, at FROM gold_rejections WHERE article_id = ? AND item IN ({marks})",
                [self.article_id, *self.items],
            )
        )
        _forget(store, self.article_id, tuple(item for item, _ in self._removed))
        store.touch_layer(self.article_id, GOLD)
        return Change(self.article_id)

    def _revert(self, store: Store) -> Change:
        store.executemany(
            "INSERT INTO gold_rejections (article_id, item, at) VALUES (?, ?, ?)",
            [(self.article_id, item, at) for item, at in self._removed],
        )
        return Change(self.article_id)


def _rejected(store: Store, article_id: str, items: tuple[str, ...]) -> set[str]:
    if not items:
        return set()
    marks = ",".join("?" * len(items))
    rows = store.execute(
        f"SELECT item FROM gold_rejections WHERE article_id = ? AND item IN ({marks})",
        [article_id, *items],
    )
    return {r[0] for r in rows}


def _forget(store: Store, article_id: str, items: tuple[str, ...]) -> None:
    store.executemany(
        "DELETE FROM gold_rejections WHERE article_id = ? AND item = ?",
        [(article_id, item) for item in items],
    )


# -- decisions --------------------------------------------------------------------------


@dataclass
class _Planned(Batch):
    """A decision on one item of an article, planned on first apply (see the module)."""

    article_id: str = ""
    a: str = ""
    b: str = ""
    key: ItemKey = ("span", 0, 0)
    _planned: bool = False

    def apply(self, store: Store) -> Change:
        try:
            return super().apply(store)
        except BaseException:
            if self._journal is None:  # the first apply failed: nothing of its plan holds
                self.actions.clear()
                self._planned = False
            raise

    def _applied(self, store: Store) -> Change:
        if self._planned:
            return super()._applied(store)
        review = article_review(store, self.article_id, self.a, self.b)
        item = review.item(self.key)
        if item is None:
            raise ActionError(
                "this disagreement is no longer there: a layer changed since the screen "
                "was drawn; look again"
            )
        changes = self._plan(store, review, item)
        self._planned = True
        return _combine(self.article_id, changes)

    def _plan(self, store: Store, review: ArticleReview, item: Item) -> list[Change]:
        raise NotImplementedError

    def _do(self, store: Store, step: Action) -> Change:
        change = step._applied(store)
        self.actions.append(step)
        return change


@dataclass
class Decide(_Planned):
    """Side ``side`` is right at the item's place (None: neither is)."""

    side: Side | None = None
    description = "decide"

    def _plan(self, store: Store, review: ArticleReview, item: Item) -> list[Change]:
        if item.is_relation:
            return self._plan_relation(store, review, item)
        pair = review.span_pair(item)
        chosen = _side_of(pair.a, pair.b, self.side)
        gold = review.gold_of_pair[item.pair]
        changes: list[Change] = []
        if chosen is None:
            if gold is not None:
                changes.append(self._do(store, DeleteSpan(gold.id)))
            wrong = tuple(span_item_key(s) for s in pair.sides())
            changes.append(self._do(store, Reject(self.article_id, wrong)))
            return changes
        if gold is not None and span_key(gold) == span_key(chosen):
            changes += self._match_attributes(store, gold, chosen.attributes)
        else:
            if gold is not None:
                changes.append(self._do(store, DeleteSpan(gold.id)))
            changes.append(self._do(store, CopyToGold([], span_ids=(chosen.id,))))
        if span_item_key(chosen) in review.rejected:
            changes.append(self._do(store, Unreject(self.article_id, (span_item_key(chosen),))))
        return changes

    def _match_attributes(
        self, store: Store, gold: Span, attributes: dict[str, str]
    ) -> list[Change]:
        keys = sorted(gold.attributes.keys() | attributes.keys())
        return [
            self._do(store, SetAttribute(gold.id, key, attributes.get(key)))
            for key in keys
            if gold.attributes.get(key) != attributes.get(key)
        ]

    def _plan_relation(self, store: Store, review: ArticleReview, item: Item) -> list[Change]:
        rel = review.relation_pair(item)
        chosen = _side_of(rel.a, rel.b, self.side)
        gold = review.gold_of_relation[item.pair]
        changes: list[Change] = []
        if chosen is None:
            if gold is not None:
                changes.append(self._do(store, DeleteRelation(gold.id)))
            wrong = tuple(
                relation_item_key(r, spans)
                for r, spans in ((rel.a, review.spans_a), (rel.b, review.spans_b))
                if r is not None
            )
            changes.append(self._do(store, Reject(self.article_id, wrong)))
            return changes
        refused = relation_refusal(store, review, item, self.side)
        if refused:
            raise ActionError(refused)
        spans = review.spans_a if chosen is rel.a else review.spans_b
        head = self._gold_end(store, review, spans[chosen.head], changes)
        tail = self._gold_end(store, review, spans[chosen.tail], changes)
        if gold is not None and (gold.type, gold.head, gold.tail) == (chosen.type, head, tail):
            return changes
        if gold is not None:
            changes.append(self._do(store, DeleteRelation(gold.id)))
        if not any(
            (r.type, r.head, r.tail) == (chosen.type, head, tail)
            for r in store.relations(self.article_id, GOLD)
        ):
            changes.append(self._do(store, AddRelation(chosen.type, head, tail)))
        key = relation_item_key(chosen, spans)
        if key in review.rejected:
            changes.append(self._do(store, Unreject(self.article_id, (key,))))
        return changes

    def _gold_end(
        self, store: Store, review: ArticleReview, span: Span, changes: list[Change]
    ) -> int:
        """Gold's span for one end of an accepted relation: the same span, else gold's
        version of that place, else this side's span brought into gold now."""
        for gold in store.spans(self.article_id, GOLD):
            if span_key(gold) == span_key(span):
                return gold.id
        place = review.place_of_span.get(span.id)
        version = review.gold_of_pair[place] if place is not None else None
        if version is not None and store.span(version.id) is not None:
            return version.id
        add = AddSpan(
            self.article_id, GOLD, span.start, span.end, span.label, dict(span.attributes)
        )
        changes.append(self._do(store, add))
        if span_item_key(span) in review.rejected:
            changes.append(self._do(store, Unreject(self.article_id, (span_item_key(span),))))
        assert add.span_id is not None
        return add.span_id


@dataclass
class TakeAttribute(_Planned):
    """One attribute of the span at a place, as side ``side`` has it (gold takes that
    side's whole span first when it holds nothing there yet)."""

    attribute: str = ""
    side: Side = "a"
    description = "take attribute"

    def _plan(self, store: Store, review: ArticleReview, item: Item) -> list[Change]:
        if item.is_relation:
            raise ActionError("a relation has no attributes")
        pair = review.span_pair(item)
        chosen = _side_of(pair.a, pair.b, self.side)
        if chosen is None:
            raise ActionError("this side has no span here")
        gold = review.gold_of_pair[item.pair]
        if gold is None:
            decide = Decide([], article_id=self.article_id, a=self.a, b=self.b, key=self.key)
            decide.side = self.side
            return [self._do(store, decide)]
        value = chosen.attributes.get(self.attribute)
        if gold.attributes.get(self.attribute) == value:
            return []
        return [self._do(store, SetAttribute(gold.id, self.attribute, value))]


@dataclass
class EditGoldBounds(_Planned):
    """New bounds for gold's span at a place (gold takes side ``side``'s span first when
    it holds nothing there yet)."""

    start: int = 0
    end: int = 0
    side: Side = "a"
    description = "edit gold bounds"

    def _plan(self, store: Store, review: ArticleReview, item: Item) -> list[Change]:
        if item.is_relation:
            raise ActionError("choose a span, not a relation, to edit its bounds")
        pair = review.span_pair(item)
        gold = review.gold_of_pair[item.pair]
        changes: list[Change] = []
        if gold is None:
            source = _side_of(pair.a, pair.b, self.side) or pair.a or pair.b
            assert source is not None
            copy = CopyToGold([], span_ids=(source.id,))
            changes.append(self._do(store, copy))
            gold = next(
                s for s in store.spans(self.article_id, GOLD) if span_key(s) == span_key(source)
            )
        if (gold.start, gold.end) != (self.start, self.end):
            changes.append(self._do(store, SetBounds(gold.id, self.start, self.end)))
        return changes


def relation_refusal(store: Store, review: ArticleReview, item: Item, side: Side | None) -> str:
    """Why a relation cannot go into gold as side ``side`` drew it ("" when it can): gold
    already decided one of its ends with a label the relation type does not take."""
    if not item.is_relation:
        return ""
    rel = review.relation_pair(item)
    chosen = _side_of(rel.a, rel.b, side)
    if chosen is None:
        return ""
    spans = review.spans_a if chosen is rel.a else review.spans_b
    try:
        kind = store.schema.relation(chosen.type)
    except KeyError:
        return f"unknown relation type {chosen.type!r}"
    labels = []
    for span in (spans[chosen.head], spans[chosen.tail]):
        place = review.place_of_span.get(span.id)
        version = review.gold_of_pair[place] if place is not None else None
        labels.append(version.label if version is not None else span.label)
    if kind.allows(*labels):
        return ""
    return (
        f"gold holds {labels[0]} → {labels[1]} at this relation's ends, which {chosen.type} "
        "cannot link: decide those places again first"
    )


def _side_of(a: T | None, b: T | None, side: Side | None) -> T | None:
    return a if side == "a" else b if side == "b" else None


def _combine(article_id: str, changes: list[Change]) -> Change:
    return Change(
        article_id,
        tuple(i for c in changes for i in c.span_ids),
        tuple(i for c in changes for i in c.relation_ids),
        any(c.status for c in changes),
    )


# -- what the keys call -----------------------------------------------------------------


# Each action built from a review quotes the version of gold read with it (layer versions):
# if another reviewer changed gold since the screen was drawn, the decision is refused
# (LayerConflictError) instead of planned on a gold the reviewer has not seen.

Edit = TypeVar("Edit", bound=Action)


def on_gold_as_seen(review: ArticleReview, action: Edit) -> Edit:
    """``action``, to hold only on gold as ``review`` read it (when it was read from a store)."""
    if review.gold_version is None:
        return action
    return action.expect(review.article_id, GOLD, review.gold_version)


def decide(review: ArticleReview, key: ItemKey, side: Side | None) -> Decide:
    """The action for A (side "a"), B ("b") or X (None) on the item ``key``."""
    return on_gold_as_seen(
        review,
        Decide([], article_id=review.article_id, a=review.a, b=review.b, key=key, side=side),
    )


def take_attribute(
    review: ArticleReview, key: ItemKey, attribute: str, side: Side
) -> TakeAttribute:
    return on_gold_as_seen(review, TakeAttribute(
        [], article_id=review.article_id, a=review.a, b=review.b, key=key, attribute=attribute, side=side
    ))  # fmt: skip


def edit_gold_bounds(
    review: ArticleReview, key: ItemKey, start: int, end: int, side: Side = "a"
) -> EditGoldBounds:
    return on_gold_as_seen(review, EditGoldBounds(
        [], article_id=review.article_id, a=review.a, b=review.b, key=key, start=start, end=end, side=side
    ))  # fmt: skip


def accept_as_is(store: Store, review: ArticleReview, span_id: int) -> Action | None:
    """G: one span of A or B into gold as it is; at a disagreement, as that side's
    decision (gold's other version there goes). None when gold already holds it."""
    if span_id in {s.id for s in review.gold}:
        raise ActionError("this span is already gold")
    item = review.item_of_span(span_id)
    if item is not None:
        pair = review.span_pair(item)
        side: Side = "a" if pair.a is not None and pair.a.id == span_id else "b"
        return decide(review, item.key, side)
    return accept_span(store, span_id, review.gold_version)


def relabel_gold(review: ArticleReview, key: ItemKey, label: str) -> Action | None:
    """A label key on a decided place: gold's span there gets another label (a third
    one, when neither side had it right). None when gold holds nothing there yet."""
    item = review.item(key)
    if item is None or item.is_relation:
        return None
    gold = review.gold_of_pair[item.pair]
    if gold is None or gold.label == label:
        return None
    return on_gold_as_seen(review, SetLabel(gold.id, label))


__all__ = [
    "Decide",
    "EditGoldBounds",
    "Reject",
    "Side",
    "TakeAttribute",
    "Unreject",
    "accept_as_is",
    "decide",
    "edit_gold_bounds",
    "on_gold_as_seen",
    "relabel_gold",
    "relation_refusal",
    "take_attribute",
]
