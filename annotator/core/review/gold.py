"""Review: compare two layers of an article, adjudicate spans into the gold layer, and
accept or return an analyst's layer. Every change is a label action, so undo works."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TypeVar

from annotator.core.actions import (
    Action,
    AddRelation,
    AddSpan,
    Batch,
    Change,
    DeleteSpan,
    SetAttribute,
    SetStatus,
)
from annotator.core.errors import ActionError
from annotator.core.models import GOLD, Layer, Relation, Span
from annotator.core.review.pairing import KINDS, Bounds, SpanPair, pair_spans, span_key
from annotator.core.store import Store


@dataclass(frozen=True)
class Comparison:
    article_id: str
    a: str
    b: str
    pairs: tuple[SpanPair, ...]  # by position

    def counts(self) -> dict[str, int]:
        found = Counter(pair.kind for pair in self.pairs)
        return {kind: found[kind] for kind in KINDS}

    def agreed(self) -> list[Span]:
        """A's side of every span both layers have with the same bounds and label."""
        return [pair.a for pair in self.pairs if pair.kind == "agree" and pair.a is not None]


def compare_layers(store: Store, article_id: str, a: str, b: str) -> Comparison:
    """Pair the spans of two layers (pairing.pair_spans): same bounds and label (agree),
    same bounds and another label (label_mismatch), overlapping (overlap, same label
    preferred, largest overlap first), and the rest (only_a, only_b)."""
    pairs = pair_spans(store.spans(article_id, a), store.spans(article_id, b))
    return Comparison(article_id, a, b, tuple(pairs))


_key = span_key


# -- adjudication into gold ------------------------------------------------------------


@dataclass
class CopyToGold(Batch):
    """Copy spans (with their attributes) into gold, and the relations of their layers
    whose two ends are then both in gold. Planned on first apply, inside its transaction;
    undo reverts the steps taken and redo replays them, so span ids stay the same."""

    span_ids: tuple[int, ...] = ()
    agreed_with: str | None = None  # copy only relations this annotator has too
    attributes: dict[int, dict[str, str]] | None = None  # per span id, instead of its own
    _planned: bool = False
    description = "accept into gold"

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
        sources = [_require(store, span_id) for span_id in self.span_ids]
        changes = self._plan_and_apply(store, sources) if sources else []
        self._planned = True
        return _combine(changes, sources[0].article_id if sources else "")

    def _plan_and_apply(self, store: Store, sources: list[Span]) -> list[Change]:
        if self.attributes is not None:
            sources = [_with_attributes(s, self.attributes.get(s.id, {})) for s in sources]
        article_id = sources[0].article_id
        if any(s.article_id != article_id for s in sources) or any(
            s.annotator == GOLD for s in sources
        ):
            raise ActionError("accept spans of one article from an annotator's layer, not gold")
        gold = {_key(s): s for s in store.spans(article_id, GOLD)}
        changes = []
        for source in sources:
            existing = gold.get(_key(source))
            if existing is None:
                add = AddSpan(
                    article_id,
                    GOLD,
                    source.start,
                    source.end,
                    source.label,
                    dict(source.attributes),
                )
                changes.append(self._do(store, add))
                gold[_key(source)] = Span(
                    add.span_id or 0, article_id, GOLD, source.start, source.end, source.label
                )
                continue
            for name, value in source.attributes.items():
                if existing.attributes.get(name) != value:
                    changes.append(self._do(store, SetAttribute(existing.id, name, value)))
        changes.extend(self._copy_relations(store, article_id, sources, gold))
        return changes

    def _copy_relations(
        self, store: Store, article_id: str, sources: list[Span], gold: dict[Bounds, Span]
    ) -> list[Change]:
        accepted = {s.id for s in sources}
        gold_by_id = _spans_by_id(store, article_id, GOLD)
        in_gold = {_relation_key(r, gold_by_id) for r in store.relations(article_id, GOLD)}
        changes = []
        for annotator in sorted({s.annotator for s in sources}):
            by_id = _spans_by_id(store, article_id, annotator)
            wanted = None
            if self.agreed_with is not None:
                other = _spans_by_id(store, article_id, self.agreed_with)
                theirs = store.relations(article_id, self.agreed_with)
                wanted = {_relation_key(r, other) for r in theirs}
            for relation in store.relations(article_id, annotator):
                if relation.head not in accepted and relation.tail not in accepted:
                    continue
                key = _relation_key(relation, by_id)
                head, tail = gold.get(key[1]), gold.get(key[2])
                if head is None or tail is None or key in in_gold:
                    continue
                if wanted is not None and key not in wanted:
                    continue
                if not _allowed(store, relation.type, head.label, tail.label):
                    continue  # never copy what the schema forbids (check E008 reports it)
                changes.append(self._do(store, AddRelation(relation.type, head.id, tail.id)))
                in_gold.add(key)
        return changes

    def _do(self, store: Store, step: Action) -> Change:
        change = step._applied(store)
        self.actions.append(step)
        return change


def _allowed(store: Store, relation_type: str, head_label: str, tail_label: str) -> bool:
    try:
        return store.schema.relation(relation_type).allows(head_label, tail_label)
    except KeyError:
        return False


def _with_attributes(span: Span, attributes: dict[str, str]) -> Span:
    return Span(
        span.id, span.article_id, span.annotator, span.start, span.end, span.label, attributes
    )


def _relation_key(relation: Relation, spans: dict[int, Span]) -> tuple[str, Bounds, Bounds]:
    head, tail = spans.get(relation.head), spans.get(relation.tail)
    none = (-1, -1, "")
    return (relation.type, _key(head) if head else none, _key(tail) if tail else none)


def _spans_by_id(store: Store, article_id: str, annotator: str) -> dict[int, Span]:
    return {s.id: s for s in store.spans(article_id, annotator)}


def _require(store: Store, span_id: int) -> Span:
    span = store.span(span_id)
    if span is None:
        raise ActionError(f"no span {span_id}")
    return span


def _combine(changes: list[Change], article_id: str) -> Change:
    return Change(
        article_id,
        tuple(i for c in changes for i in c.span_ids),
        tuple(i for c in changes for i in c.relation_ids),
        any(c.status for c in changes),
    )


def accept_span(store: Store, span_id: int, seen_gold: int | None = None) -> CopyToGold | None:
    """The action that copies one span into gold; None when gold already holds it as is
    (so the undo stack gets no empty step). ``seen_gold`` is the version of gold the
    reviewer saw (None: gold as it is now); another reviewer's gold edit since refuses it."""
    source = _require(store, span_id)
    if source.annotator == GOLD:
        raise ActionError("this span is already gold")
    for span in store.spans(source.article_id, GOLD):
        if _key(span) == _key(source) and span.attributes == source.attributes:
            return None
    action = CopyToGold([], "accept span", span_ids=(span_id,))
    return _on_gold(store, action, source.article_id, seen_gold)


def reject_span(store: Store, span_id: int, seen_gold: int | None = None) -> DeleteSpan | None:
    """The action that removes the gold span matching a rejected span (same bounds and
    label); None when gold has no such span — rejecting then records nothing."""
    source = _require(store, span_id)
    for span in store.spans(source.article_id, GOLD):
        if _key(span) == _key(source):
            return _on_gold(store, DeleteSpan(span.id), source.article_id, seen_gold)
    return None


def accept_agreed(
    store: Store, article_id: str, a: str, b: str, seen_gold: int | None = None
) -> CopyToGold:
    """One action (one undo step) copying every span both layers agree on into gold, with
    the relations both layers have. A span whose attributes differ (a MEASURE's status)
    is a disagreement the reviewer decides (disagreements.py), so it stays out."""
    pairs = [
        p
        for p in compare_layers(store, article_id, a, b).pairs
        if p.kind == "agree" and not p.attributes_differ
    ]
    agreed = tuple(p.a.id for p in pairs if p.a is not None)
    action = CopyToGold([], "accept agreed", span_ids=agreed, agreed_with=b)
    return _on_gold(store, action, article_id, seen_gold)


Edit = TypeVar("Edit", bound=Action)


def _on_gold(store: Store, action: Edit, article_id: str, seen: int | None) -> Edit:
    """A gold edit holds only on gold as the reviewer saw it. The whole gold layer of the
    article is checked, not each span: the panel's pairs were computed from all of it, so
    any other reviewer's edit of it since may change what she would decide."""
    version = store.layer(article_id, GOLD).version if seen is None else seen
    return action.expect(article_id, GOLD, version)


# -- workflow --------------------------------------------------------------------------

DECIDED = ("accepted", "returned")


def accept_layer(
    store: Store, article_id: str, annotator: str, comment: str = "", seen: int | None = None
) -> SetStatus:
    """The reviewer accepts an analyst's layer of an article. ``seen`` is the layer's
    version she saw; None (a script, the command line without --seen) takes the layer as
    it is now, and then refuses to change another reviewer's decision."""
    return _review(store, article_id, annotator, "accepted", comment, seen)


def return_layer(
    store: Store, article_id: str, annotator: str, comment: str, seen: int | None = None
) -> SetStatus:
    """The reviewer sends a layer back to its analyst, saying why."""
    if not comment.strip():
        raise ActionError("say why the layer goes back: the analyst reads this comment")
    return _review(store, article_id, annotator, "returned", comment, seen)


def reopen_layer(
    store: Store, article_id: str, annotator: str, seen: int | None = None
) -> SetStatus:
    """The reviewer withdraws a decision: an accepted or returned layer goes back to
    in_progress, its comment kept."""
    layer = _layer_to_review(store, article_id, annotator)
    if layer.status not in DECIDED:
        raise ActionError(
            f"{annotator}'s layer of article {article_id} is {layer.status}, not decided: "
            "nothing to reopen"
        )
    version = layer.version if seen is None else seen
    return SetStatus(article_id, annotator, "in_progress").expect(article_id, annotator, version)


def _review(
    store: Store, article_id: str, annotator: str, status: str, comment: str, seen: int | None
) -> SetStatus:
    layer = _layer_to_review(store, article_id, annotator)
    if seen is None:
        if layer.status in DECIDED:
            raise ActionError(
                f"{annotator}'s layer of article {article_id} is already {layer.status} by a "
                f"reviewer (version {layer.version}); to change that decision, quote the "
                "version you looked at"
            )
        seen = layer.version
    return SetStatus(article_id, annotator, status, comment).expect(article_id, annotator, seen)


def _layer_to_review(store: Store, article_id: str, annotator: str) -> Layer:
    if store.article(article_id) is None:
        raise ActionError(f"no article {article_id!r}")
    if store.find_annotator_id(annotator) is None:
        raise ActionError(f"no annotator {annotator!r}")
    return store.layer(article_id, annotator)


__all__ = [
    "Comparison",
    "CopyToGold",
    "SpanPair",
    "accept_agreed",
    "accept_layer",
    "accept_span",
    "compare_layers",
    "reject_span",
    "reopen_layer",
    "return_layer",
]
