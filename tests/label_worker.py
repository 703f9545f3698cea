"""A labelling session in its own process, for the crash and concurrency tests.

``python tests/label_worker.py DB SEED ACTIONS [STOP_FILE]`` applies ACTIONS random label actions
(add, relabel, delete spans; set and remove attributes; add and delete relations; set
status; undo; redo) through annotator.core as the window would. Before each action it
prints the intent as a JSON line, and after the commit an acknowledgement, flushing both,
so a parent that kills it knows exactly what was promised as saved and what was in flight.
With STOP_FILE it goes on past ACTIONS until that file exists (to outlast another process).

The expected effect of every intent on the labels is computed here too (``apply_intent``),
independently of the store, so the parent can compare the database with it.
"""

from __future__ import annotations

import random
import sqlite3
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

if TYPE_CHECKING:
    from annotator.core.actions import Action

ANNOTATOR = "amina"
ARTICLE_IDS = [f"a{i}" for i in range(5)]
ARTICLE_TEXT = (
    "عقد عزيز أخنوش، رئيس الحكومة، اجتماعا مع وزير الداخلية عبد الوافي لفتيت "
    "حول تمديد العمل بجواز التلقيح في الإدارات العمومية إلى غاية 31 ديسمبر 2025."
)
PLAIN_LABELS = ["PERSON", "TITLE", "ORG", "LOC", "DATE", "QUANTITY", "LEGAL_REF"]
CATEGORIES = ["health", "digital", "workforce", "economic", "other"]
MEASURE_STATUSES = ["announced", "decided", "in_force", "extended"]
LAYER_STATUSES = ["in_progress", "done", "accepted", "returned"]

# article, start, end, label, attributes
SpanRow = tuple[str, int, int, str, tuple[tuple[str, str], ...]]


@dataclass(frozen=True)
class Labels:
    """One annotator's labels as the database must hold them, and the actions logged."""

    spans: dict[int, SpanRow] = field(default_factory=dict)
    relations: dict[int, tuple[str, int, int]] = field(default_factory=dict)
    statuses: dict[str, str] = field(default_factory=dict)
    actions: int = 0

    def content(self) -> tuple[object, ...]:
        return (sorted(self.spans.items()), sorted(self.relations.items()), self.statuses)


def read_labels(conn: sqlite3.Connection) -> Labels:
    """What the database holds, read with plain SQL (not through the store under test)."""
    attrs: dict[int, list[tuple[str, str]]] = {}
    for span_id, key, value in conn.execute("SELECT span_id, key, value FROM span_attributes"):
        attrs.setdefault(span_id, []).append((key, value))
    spans = {
        row[0]: (row[1], row[2], row[3], row[4], tuple(sorted(attrs.pop(row[0], []))))
        for row in conn.execute('SELECT id, article_id, start, "end", label FROM spans')
    }
    assert not attrs, f"attributes without a span: {attrs}"
    relations = {
        row[0]: (row[1], row[2], row[3])
        for row in conn.execute("SELECT id, type, head, tail FROM relations")
    }
    statuses = dict(conn.execute("SELECT article_id, status FROM layers").fetchall())
    actions = conn.execute("SELECT count(*) FROM actions").fetchone()[0]
    return Labels(spans, relations, statuses, actions)


def _touch(statuses: dict[str, str], article_id: str) -> dict[str, str]:
    """An action on a layer moves it from new (or nothing) to in_progress."""
    if statuses.get(article_id, "new") == "new":
        return {**statuses, article_id: "in_progress"}
    return statuses


def apply_intent(labels: Labels, intent: dict, history: History) -> Labels:
    """The labels after ``intent`` commits (undo and redo come from ``history``)."""
    op = intent["op"]
    logged = labels.actions + 1
    if op == "undo":
        before, after = history.done.pop()
        history.undone.append((before, after))
        return replace(before, actions=logged)
    if op == "redo":
        before, after = history.undone.pop()
        history.done.append((before, after))
        return replace(after, actions=logged)
    spans, relations, statuses = dict(labels.spans), dict(labels.relations), labels.statuses
    if op == "add":
        attrs = tuple(sorted(intent["attributes"].items()))
        span = (intent["article"], intent["start"], intent["end"], intent["label"], attrs)
        spans[intent["span"]] = span
        article = intent["article"]
    elif op == "relabel":
        article, start, end, _label, attrs = spans[intent["span"]]
        spans[intent["span"]] = (article, start, end, intent["label"], attrs)
    elif op == "delete":
        article = spans.pop(intent["span"])[0]
        relations = {k: r for k, r in relations.items() if intent["span"] not in (r[1], r[2])}
    elif op == "attribute":
        article, start, end, label, attrs = spans[intent["span"]]
        kept = dict(attrs)
        if intent["value"] is None:
            kept.pop(intent["key"], None)
        else:
            kept[intent["key"]] = intent["value"]
        spans[intent["span"]] = (article, start, end, label, tuple(sorted(kept.items())))
    elif op == "relate":
        relations[intent["relation"]] = (intent["type"], intent["head"], intent["tail"])
        article = spans[intent["head"]][0]
    elif op == "unrelate":
        _type, head, _tail = relations.pop(intent["relation"])
        article = spans[head][0]
    elif op == "status":
        article = intent["article"]
    else:
        raise ValueError(op)
    statuses = _touch(statuses, article)
    if op == "status":
        statuses = {**statuses, article: intent["status"]}
    after = Labels(spans, relations, statuses, logged)
    history.done.append((labels, after))
    history.undone.clear()
    return after


@dataclass
class History:
    """The undo and redo stacks of one process, as (labels before, labels after)."""

    done: list[tuple[Labels, Labels]] = field(default_factory=list)
    undone: list[tuple[Labels, Labels]] = field(default_factory=list)

    def copy(self) -> History:
        return History(list(self.done), list(self.undone))


def choose_intent(rng: random.Random, labels: Labels, history: History, ids: list[int]) -> dict:
    """A random action that is valid on ``labels``; ids = [next span id, next relation id]."""
    spans = labels.spans
    measures = [k for k, s in spans.items() if s[3] == "MEASURE"]
    plain = [k for k, s in spans.items() if s[3] != "MEASURE"]
    roll = rng.random()
    if roll < 0.06 and history.done:
        return {"op": "undo"}
    if roll < 0.08 and history.undone:
        return {"op": "redo"}
    if roll < 0.18 and plain:
        span = rng.choice(plain)
        return {"op": "relabel", "span": span, "label": rng.choice(PLAIN_LABELS)}
    if roll < 0.28 and spans:
        return {"op": "delete", "span": rng.choice(sorted(spans))}
    if roll < 0.42 and measures:
        key = rng.choice(["category", "status", "note"])
        values = {"category": CATEGORIES, "status": MEASURE_STATUSES, "note": ["ملاحظة", "تحقق"]}
        value = rng.choice([*values[key], None])
        return {"op": "attribute", "span": rng.choice(measures), "key": key, "value": value}
    if roll < 0.54 and measures:
        head = rng.choice(measures)
        tails = [k for k, s in spans.items() if s[0] == spans[head][0] and k != head]
        if tails:
            ids[1] += 1
            tail = rng.choice(tails)
            return {"op": "relate", "relation": ids[1] - 1, "type": "TARGETS", "head": head, "tail": tail}  # fmt: skip
    if roll < 0.60 and labels.relations:
        return {"op": "unrelate", "relation": rng.choice(sorted(labels.relations))}
    if roll < 0.68:
        article = rng.choice(ARTICLE_IDS)
        return {"op": "status", "article": article, "status": rng.choice(LAYER_STATUSES)}
    start = rng.randrange(0, len(ARTICLE_TEXT) - 1)
    end = rng.randrange(start + 1, min(start + 40, len(ARTICLE_TEXT)) + 1)
    ids[0] += 1
    if rng.random() < 0.4:
        # A measure arrives with its attributes in the same action: all or nothing.
        label = "MEASURE"
        attributes = {
            "category": rng.choice(CATEGORIES),
            "status": rng.choice(MEASURE_STATUSES),
        }
    else:
        label, attributes = rng.choice(PLAIN_LABELS), {}
    return {
        "op": "add",
        "span": ids[0] - 1,
        "article": rng.choice(ARTICLE_IDS),
        "start": start,
        "end": end,
        "label": label,
        "attributes": attributes,
    }


def to_action(intent: dict) -> Action:
    from annotator.core import actions

    op = intent["op"]
    if op == "add":
        return actions.AddSpan(
            intent["article"],
            ANNOTATOR,
            intent["start"],
            intent["end"],
            intent["label"],
            dict(intent["attributes"]),
            span_id=intent["span"],
        )
    if op == "relabel":
        return actions.SetLabel(intent["span"], intent["label"])
    if op == "delete":
        return actions.DeleteSpan(intent["span"])
    if op == "attribute":
        return actions.SetAttribute(intent["span"], intent["key"], intent["value"])
    if op == "relate":
        return actions.AddRelation(
            intent["type"], intent["head"], intent["tail"], relation_id=intent["relation"]
        )
    if op == "unrelate":
        return actions.DeleteRelation(intent["relation"])
    if op == "status":
        return actions.SetStatus(intent["article"], ANNOTATOR, intent["status"])
    raise ValueError(op)


def next_ids(conn: sqlite3.Connection) -> list[int]:
    """Ids past every id ever given, as AUTOINCREMENT would choose them."""
    seq = dict(conn.execute("SELECT name, seq FROM sqlite_sequence").fetchall())
    return [seq.get("spans", 0) + 1, seq.get("relations", 0) + 1]


def main(db: str, seed: int, count: int, stop_file: Path | None = None) -> None:
    from annotator.core.actions import History as CoreHistory
    from annotator.core.store import Store

    rng = random.Random(seed)
    with Store(Path(db)) as store:
        core_history = CoreHistory(store)
        labels = read_labels(store.conn)
        history = History()
        ids = next_ids(store.conn)
        n = 0
        while n < count or (stop_file is not None and not stop_file.exists()):
            intent = choose_intent(rng, labels, history, ids)
            sys.stdout.buffer.write(orjson.dumps({"n": n, "intent": intent}) + b"\n")
            sys.stdout.flush()
            started = time.perf_counter()
            if intent["op"] == "undo":
                core_history.undo()
            elif intent["op"] == "redo":
                core_history.redo()
            else:
                core_history.do(to_action(intent))
            labels = apply_intent(labels, intent, history)
            ms = round((time.perf_counter() - started) * 1000, 1)
            sys.stdout.buffer.write(orjson.dumps({"n": n, "ack": True, "ms": ms}) + b"\n")
            sys.stdout.flush()
            n += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), *map(Path, sys.argv[4:5]))
