"""Label actions: each one commits in a single transaction, returns what changed, and
knows its inverse, so undo/redo works the same from the window, the CLI and tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Self

from annotator.core.errors import (
    ActionError,
    AnnotatorError,
    LayerConflictError,
    UndoConflictError,
)
from annotator.core.models import GOLD, STATUSES, Span
from annotator.core.store import Store
from annotator.core.store.layers import JournalEntry, LayerKey


@dataclass(frozen=True)
class Change:
    """What an action touched, so a view can refresh just that: every span and relation it
    inserted, deleted or changed is named, so re-reading those ids (a missing one was
    deleted) brings a view up to date. Relations that go with a deleted span may be left
    out: a view drops relations whose ends are gone."""

    article_id: str
    span_ids: tuple[int, ...] = ()
    relation_ids: tuple[int, ...] = ()
    status: bool = False


class Action:
    """Base: subclasses implement _apply and _revert, which run inside one transaction.

    Every layer the action touches is journaled (its row before) and its version after the
    action recorded. Undo restores those rows, versions included, only if the layers are
    still at those versions, and redo replays only if they are still as undo left them
    (and gives back the versions of after the first apply): otherwise someone else changed
    them in between, and the step is refused whole (UndoConflictError). A reviewer's
    decision or gold edit also quotes the versions she saw (``expect``)."""

    description = "action"
    annotator_name = ""

    _seen: tuple[tuple[str, str, int], ...] = ()  # (article id, annotator, version she saw)
    _journal: list[JournalEntry] | None = None  # set by the first apply
    _after: dict[LayerKey, int] | None = None

    def expect(self, article_id: str, annotator: str, version: int) -> Self:
        """Apply only if this layer is still at ``version`` (0: no layer yet), the version
        the person deciding saw; else LayerConflictError, and nothing is saved."""
        self._seen = (*self._seen, (article_id, annotator, version))
        return self

    def apply(self, store: Store) -> Change:
        if store.layer_journal is not None:
            return self._as_step(store)
        redo = self._journal is not None
        with store.write():
            outer, store.layer_journal = store.layer_journal, []
            try:
                if redo:
                    expected = {(a, n): _version(before) for a, n, before in self._journal or []}
                else:
                    expected = {
                        (article_id, store.annotator_id(name)): version
                        for article_id, name, version in self._seen
                    }
                for (article_id, annotator_id), version in expected.items():
                    if not store.claim_layer(article_id, annotator_id, version):
                        raise self._refusal(store, "redo" if redo else "", article_id, annotator_id)
                change = self._applied(store)
                journal = store.layer_journal
            finally:
                store.layer_journal = outer
            if redo and self._after is not None:  # the state of after the first apply
                store.name_layer_versions(self._after)
                after = self._after
            else:
                after = store.layer_versions((a, n) for a, n, _ in journal)
        self._journal, self._after = journal, after
        return change

    def revert(self, store: Store) -> Change:
        if self._journal is None or self._after is None:
            raise ActionError(f"cannot undo “{self.description}”: it was never done")
        with store.write():
            outer, store.layer_journal = store.layer_journal, None
            try:
                for (article_id, annotator_id), version in self._after.items():
                    if not store.claim_layer(article_id, annotator_id, version):
                        raise self._refusal(store, "undo", article_id, annotator_id)
                change = self._reverted(store)
                store.restore_layers(self._journal)
            finally:
                store.layer_journal = outer
        return change

    def _as_step(self, store: Store) -> Change:
        """Applied inside another action (a batch built by hand): the outer action's journal
        and version checks cover this one, which undoes and redoes with it."""
        for article_id, name, version in self._seen:
            annotator_id = store.annotator_id(name)
            if not store.claim_layer(article_id, annotator_id, version):
                raise self._refusal(store, "", article_id, annotator_id)
        return self._applied(store)

    def _refusal(
        self, store: Store, step: str, article_id: str, annotator_id: int
    ) -> AnnotatorError:
        name = store.annotator_name(annotator_id)
        if step:
            return UndoConflictError(step, self.description, article_id, name, gold=name == GOLD)
        status = store.layer(article_id, name).status
        return LayerConflictError(article_id, name, status, gold=name == GOLD)

    def _applied(self, store: Store) -> Change:
        """Apply and log, inside the caller's transaction and journal."""
        change = self._apply(store)
        store.log_action(self.annotator_name, change.article_id, type(self).__name__, self.detail())
        return change

    def _reverted(self, store: Store) -> Change:
        change = self._revert(store)
        store.log_action(
            self.annotator_name, change.article_id, "Undo" + type(self).__name__, self.detail()
        )
        return change

    def detail(self) -> dict[str, object]:
        return {k: v for k, v in vars(self).items() if not k.startswith("_")}

    def _apply(self, store: Store) -> Change:
        raise NotImplementedError

    def _revert(self, store: Store) -> Change:
        raise NotImplementedError


def _version(before: tuple[object, ...] | None) -> int:
    """The version of a journaled layer row (the last column); 0 when there was none."""
    return 0 if before is None else int(before[-1])  # type: ignore[call-overload]


def _require_span(store: Store, span_id: int) -> Span:
    span = store.span(span_id)
    if span is None:
        raise ActionError(f"no span {span_id}")
    return span


def _check_label(store: Store, label: str) -> None:
    if label not in store.schema.label_names:
        raise ActionError(f"unknown label {label!r}")


def _check_attribute(store: Store, label: str, key: str, value: str | None) -> None:
    definition = store.schema.attribute(label, key)
    if definition is None:
        raise ActionError(f"label {label} has no attribute {key!r}")
    if value is not None and definition.values is not None and value not in definition.values:
        raise ActionError(
            f"{key} cannot be {value!r}; choose one of {', '.join(definition.values)}"
        )


def _insert_span(store: Store, span: Span, span_id: int | None) -> int:
    annotator_id = store.annotator_id(span.annotator)
    new_id = int(
        store.execute(
            'INSERT INTO spans (id, article_id, annotator_id, start, "end", label) '
            "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            [span_id, span.article_id, annotator_id, span.start, span.end, span.label],
        ).fetchone()[0]
    )
    store.executemany(
        "INSERT INTO span_attributes (span_id, key, value) VALUES (?, ?, ?)",
        [(new_id, k, v) for k, v in span.attributes.items()],
    )
    return new_id


RelationRow = tuple[int, str, int, str, int, int]
_RELATION_COLUMNS = "id, article_id, annotator_id, type, head, tail"


def _relation_rows(store: Store, where: str, args: list[object]) -> list[RelationRow]:
    """Relation rows exactly as stored, so a revert can put them back with their ids."""
    return store.execute(
        f"SELECT {_RELATION_COLUMNS} FROM relations WHERE {where}", args
    ).fetchall()


def _restore_relations(store: Store, rows: list[RelationRow]) -> None:
    store.executemany(
        f"INSERT INTO relations ({_RELATION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)", rows
    )


@dataclass
class AddSpan(Action):
    article_id: str
    annotator: str
    start: int
    end: int
    label: str
    attributes: dict[str, str] = field(default_factory=dict)
    span_id: int | None = None  # set by the first apply, reused by redo
    description = "add span"

    @property
    def annotator_name(self) -> str:  # type: ignore[override]
        return self.annotator

    def _apply(self, store: Store) -> Change:
        _check_label(store, self.label)
        article = store.article(self.article_id)
        if article is None:
            raise ActionError(f"no article {self.article_id!r}")
        if not 0 <= self.start < self.end <= len(article.text):
            raise ActionError(
                f"span {self.start}..{self.end} outside the text (0..{len(article.text)})"
            )
        for key, value in self.attributes.items():
            _check_attribute(store, self.label, key, value)
        span = Span(
            0, self.article_id, self.annotator, self.start, self.end, self.label, self.attributes
        )
        self.span_id = _insert_span(store, span, self.span_id)
        store.touch_layer(self.article_id, self.annotator)
        return Change(self.article_id, (self.span_id,))

    def _revert(self, store: Store) -> Change:
        assert self.span_id is not None
        store.execute("DELETE FROM spans WHERE id = ?", [self.span_id])
        return Change(self.article_id, (self.span_id,))


@dataclass
class DeleteSpan(Action):
    span_id: int
    _span: Span | None = None
    _relations: list[RelationRow] = field(default_factory=list)
    description = "delete span"

    @property
    def annotator_name(self) -> str:  # type: ignore[override]
        return self._span.annotator if self._span else ""

    def _apply(self, store: Store) -> Change:
        self._span = _require_span(store, self.span_id)
        self._relations = _relation_rows(
            store, "head = ? OR tail = ?", [self.span_id, self.span_id]
        )
        store.execute("DELETE FROM spans WHERE id = ?", [self.span_id])
        store.touch_layer(self._span.article_id, self._span.annotator)
        return Change(self._span.article_id, (self.span_id,), tuple(r[0] for r in self._relations))

    def _revert(self, store: Store) -> Change:
        assert self._span is not None
        _insert_span(store, self._span, self.span_id)
        _restore_relations(store, self._relations)
        return Change(self._span.article_id, (self.span_id,), tuple(r[0] for r in self._relations))


@dataclass
class SetLabel(Action):
    span_id: int
    label: str
    _old: str = ""
    _annotator: str = ""
    description = "change label"

    @property
    def annotator_name(self) -> str:  # type: ignore[override]
        return self._annotator

    def _apply(self, store: Store) -> Change:
        _check_label(store, self.label)
        span = _require_span(store, self.span_id)
        self._old, self._annotator = span.label, span.annotator
        return self._set(store, span, self.label)

    def _revert(self, store: Store) -> Change:
        return self._set(store, _require_span(store, self.span_id), self._old)

    def _set(self, store: Store, span: Span, label: str) -> Change:
        store.execute("UPDATE spans SET label = ? WHERE id = ?", [label, self.span_id])
        store.touch_layer(span.article_id, span.annotator)
        return Change(span.article_id, (self.span_id,))


@dataclass
class SetBounds(Action):
    """Move a span's edges (drag-resize, or the analyst overriding the snapping)."""

    span_id: int
    start: int
    end: int
    _old: tuple[int, int] = (0, 0)
    _annotator: str = ""
    description = "resize span"

    @property
    def annotator_name(self) -> str:  # type: ignore[override]
        return self._annotator

    def _apply(self, store: Store) -> Change:
        span = _require_span(store, self.span_id)
        article = store.article(span.article_id)
        if article is None or not 0 <= self.start < self.end <= len(article.text):
            raise ActionError(f"span {self.start}..{self.end} outside the text")
        self._old, self._annotator = (span.start, span.end), span.annotator
        return self._set(store, span, self.start, self.end)

    def _revert(self, store: Store) -> Change:
        return self._set(store, _require_span(store, self.span_id), *self._old)

    def _set(self, store: Store, span: Span, start: int, end: int) -> Change:
        store.execute(
            'UPDATE spans SET start = ?, "end" = ? WHERE id = ?', [start, end, self.span_id]
        )
        store.touch_layer(span.article_id, span.annotator)
        return Change(span.article_id, (self.span_id,))


@dataclass
class SetAttribute(Action):
    span_id: int
    key: str
    value: str | None  # None removes the attribute
    _old: str | None = None
    _annotator: str = ""
    description = "set attribute"

    @property
    def annotator_name(self) -> str:  # type: ignore[override]
        return self._annotator

    def _apply(self, store: Store) -> Change:
        span = _require_span(store, self.span_id)
        _check_attribute(store, span.label, self.key, self.value)
        self._old, self._annotator = span.attributes.get(self.key), span.annotator
        return self._set(store, span, self.value)

    def _revert(self, store: Store) -> Change:
        return self._set(store, _require_span(store, self.span_id), self._old)

    def _set(self, store: Store, span: Span, value: str | None) -> Change:
        if value is None or value == "":
            store.execute(
                "DELETE FROM span_attributes WHERE span_id = ? AND key = ?",
                [self.span_id, self.key],
            )
        else:
            store.execute(
                "INSERT INTO span_attributes (span_id, key, value) VALUES (?, ?, ?) "
                "ON CONFLICT (span_id, key) DO UPDATE SET value = excluded.value",
                [self.span_id, self.key, value],
            )
        store.touch_layer(span.article_id, span.annotator)
        return Change(span.article_id, (self.span_id,))


@dataclass
class AddRelation(Action):
    type: str
    head: int
    tail: int
    relation_id: int | None = None
    _article_id: str = ""
    _annotator: str = ""
    description = "add relation"

    @property
    def annotator_name(self) -> str:  # type: ignore[override]
        return self._annotator

    def _apply(self, store: Store) -> Change:
        head, tail = _require_span(store, self.head), _require_span(store, self.tail)
        if head.id == tail.id:
            raise ActionError("a relation needs two different spans")
        if (head.article_id, head.annotator) != (tail.article_id, tail.annotator):
            raise ActionError("a relation links two spans of the same article and annotator")
        try:
            rel_type = store.schema.relation(self.type)
        except KeyError:
            raise ActionError(f"unknown relation type {self.type!r}") from None
        if not rel_type.allows(head.label, tail.label):
            raise ActionError(f"{self.type} cannot link {head.label} to {tail.label}")
        self._article_id, self._annotator = head.article_id, head.annotator
        row = store.execute(
            "INSERT INTO relations (id, article_id, annotator_id, type, head, tail) "
            "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            [
                self.relation_id,
                head.article_id,
                store.annotator_id(head.annotator),
                self.type,
                self.head,
                self.tail,
            ],
        ).fetchone()
        self.relation_id = int(row[0])
        store.touch_layer(head.article_id, head.annotator)
        return Change(head.article_id, relation_ids=(self.relation_id,))

    def _revert(self, store: Store) -> Change:
        store.execute("DELETE FROM relations WHERE id = ?", [self.relation_id])
        return Change(self._article_id, relation_ids=(self.relation_id or 0,))


@dataclass
class DeleteRelation(Action):
    relation_id: int
    _row: RelationRow | None = None
    _annotator: str = ""
    description = "delete relation"

    @property
    def annotator_name(self) -> str:  # type: ignore[override]
        return self._annotator

    def _apply(self, store: Store) -> Change:
        rows = _relation_rows(store, "id = ?", [self.relation_id])
        relation = store.relation(self.relation_id)
        if not rows or relation is None:
            raise ActionError(f"no relation {self.relation_id}")
        self._row = rows[0]
        self._annotator = relation.annotator
        store.execute("DELETE FROM relations WHERE id = ?", [self.relation_id])
        store.touch_layer(relation.article_id, relation.annotator)
        return Change(relation.article_id, relation_ids=(self.relation_id,))

    def _revert(self, store: Store) -> Change:
        assert self._row is not None
        _restore_relations(store, [self._row])
        return Change(self._row[1], relation_ids=(self.relation_id,))


@dataclass
class SetStatus(Action):
    """Move one annotator's layer through the workflow; a reviewer adds a comment (and
    quotes the layer's version she saw, ``expect``). Undo needs no code of its own: the
    layer journal restores the row."""

    article_id: str
    annotator: str
    status: str
    comment: str | None = None
    description = "set status"

    @property
    def annotator_name(self) -> str:  # type: ignore[override]
        return self.annotator

    def _apply(self, store: Store) -> Change:
        if self.status not in STATUSES:
            raise ActionError(f"unknown status {self.status!r}; one of {', '.join(STATUSES)}")
        store.touch_layer(self.article_id, self.annotator, self.status)
        store.execute(
            "UPDATE layers SET status = ?, comment = coalesce(?, comment) "
            "WHERE article_id = ? AND annotator_id = ?",
            [self.status, self.comment, self.article_id, store.annotator_id(self.annotator)],
        )
        return Change(self.article_id, status=True)

    def _revert(self, store: Store) -> Change:
        return Change(self.article_id, status=True)


@dataclass
class Batch(Action):
    """Several actions as one transaction and one undo step (e.g. accept all agreed spans)."""

    actions: list[Action]
    label: str = "batch"
    description = "batch"

    def _applied(self, store: Store) -> Change:
        return _merge([a._applied(store) for a in self.actions])

    def _reverted(self, store: Store) -> Change:
        return _merge([a._reverted(store) for a in reversed(self.actions)])


def _merge(changes: list[Change]) -> Change:
    if not changes:
        return Change("")
    return Change(
        changes[0].article_id,
        tuple(i for c in changes for i in c.span_ids),
        tuple(i for c in changes for i in c.relation_ids),
        any(c.status for c in changes),
    )


class History:
    """Undo and redo stacks over applied actions (the window wraps them in a QUndoStack)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._done: list[Action] = []
        self._undone: list[Action] = []

    def do(self, action: Action) -> Change:
        change = action.apply(self.store)
        self._done.append(action)
        self._undone.clear()
        return change

    def undo(self) -> Change | None:
        """Undo the last action. If someone else changed its layers since, the undo is
        refused (UndoConflictError) and the action leaves the history: it stays done, and
        the actions before it can still be undone (their own layers permitting)."""
        if not self._done:
            return None
        try:
            change = self._done[-1].revert(self.store)
        except UndoConflictError:
            self._done.pop()
            raise
        self._undone.append(self._done.pop())
        return change

    def redo(self) -> Change | None:
        """Redo the last undone action; refused like undo, and then it leaves the history."""
        if not self._undone:
            return None
        try:
            change = self._undone[-1].apply(self.store)
        except UndoConflictError:
            self._undone.pop()
            raise
        self._done.append(self._undone.pop())
        return change
