"""Label actions: each one commits in a single transaction, returns what changed, and
knows its inverse, so undo/redo works the same from the window, the CLI and tests."""

from __future__ import annotations

from dataclasses import dataclass, field

from annotator.core.errors import ActionError
from annotator.core.models import STATUSES, Span
from annotator.core.store import Store


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
    """Base: subclasses implement _apply and _revert, which run inside one transaction."""

    description = "action"

    _layers: list[tuple[str, int, tuple[object, ...] | None]] | None = None

    def apply(self, store: Store) -> Change:
        with store.write():
            outer, store.layer_journal = store.layer_journal, []
            try:
                change = self._apply(store)
                self._layers = store.layer_journal
            finally:
                store.layer_journal = outer
            store.log_action(
                self.annotator_name, change.article_id, type(self).__name__, self.detail()
            )
        return change

    def revert(self, store: Store) -> Change:
        with store.write():
            change = self._revert(store)
            store.restore_layers(self._layers or [])
            store.log_action(
                self.annotator_name, change.article_id, "Undo" + type(self).__name__, self.detail()
            )
        return change

    annotator_name = ""

    def detail(self) -> dict[str, object]:
        return {k: v for k, v in vars(self).items() if not k.startswith("_")}

    def _apply(self, store: Store) -> Change:
        raise NotImplementedError

    def _revert(self, store: Store) -> Change:
        raise NotImplementedError


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
    """Move one annotator's layer through the workflow; a reviewer adds a comment.
    Undo needs no code of its own: the layer journal restores the row."""

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

    def apply(self, store: Store) -> Change:
        with store.write():
            changes = [a.apply(store) for a in self.actions]
        return _merge(changes)

    def revert(self, store: Store) -> Change:
        with store.write():
            changes = [a.revert(store) for a in reversed(self.actions)]
        return _merge(changes)


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
        if not self._done:
            return None
        action = self._done.pop()
        change = action.revert(self.store)
        self._undone.append(action)
        return change

    def redo(self) -> Change | None:
        if not self._undone:
            return None
        action = self._undone.pop()
        change = action.apply(self.store)
        self._done.append(action)
        return change
