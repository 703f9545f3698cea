"""An analyst's undo never reverts what a reviewer decided in between (two connections to
one database, as the analyst's window and a reviewer's would be)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.actions import AddSpan, Batch, Change, History, SetStatus
from annotator.core.errors import UndoConflictError
from annotator.core.models import GOLD
from annotator.core.review.gold import accept_agreed, accept_layer, reject_span
from annotator.core.store import Store
from tests.conftest import insert_article

TEXT = "عقد عزيز أخنوش، رئيس الحكومة، اجتماعا مع وزير الداخلية."


@pytest.fixture
def two(tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    """The analyst's store and a reviewer's, on the same file."""
    db = tmp_path / "team.db"
    with Store(db) as analyst, Store(db) as reviewer:
        insert_article(analyst, "m", TEXT)
        insert_article(analyst, "n", TEXT)
        yield analyst, reviewer


def log_size(store: Store) -> int:
    return int(store.execute("SELECT count(*) FROM actions").fetchone()[0])


def test_undoing_mark_done_after_the_reviewer_accepted_is_refused_and_keeps_the_accept(
    two: tuple[Store, Store],
) -> None:
    analyst, reviewer = two
    history = History(analyst)
    history.do(AddSpan("m", "amina", 4, 14, "PERSON"))
    history.do(SetStatus("m", "amina", "done"))
    accept_layer(reviewer, "m", "amina", "أحسنت").apply(reviewer)
    logged = log_size(analyst)

    with pytest.raises(UndoConflictError, match="changed by someone else"):
        history.undo()

    layer = analyst.layer("m", "amina")
    assert (layer.status, layer.comment) == ("accepted", "أحسنت")
    assert [(s.start, s.end) for s in analyst.spans("m", "amina")] == [(4, 14)]
    assert log_size(analyst) == logged  # the refused undo wrote nothing


def test_undoing_a_label_after_the_reviewer_accepted_is_refused_and_keeps_both(
    two: tuple[Store, Store],
) -> None:
    """The label created the layer, so undo used to delete the row, accept and all."""
    analyst, reviewer = two
    history = History(analyst)
    history.do(AddSpan("m", "amina", 4, 14, "PERSON"))
    accept_layer(reviewer, "m", "amina").apply(reviewer)

    with pytest.raises(UndoConflictError, match="changed by someone else"):
        history.undo()

    assert analyst.layer("m", "amina").status == "accepted"
    assert len(analyst.spans("m", "amina")) == 1


def test_a_refused_undo_leaves_the_history_and_the_steps_before_it_still_undo(
    two: tuple[Store, Store],
) -> None:
    analyst, reviewer = two
    history = History(analyst)
    history.do(AddSpan("n", "amina", 4, 14, "PERSON"))  # another article
    history.do(AddSpan("m", "amina", 4, 14, "PERSON"))
    history.do(AddSpan("m", "amina", 16, 28, "TITLE"))
    accept_layer(reviewer, "m", "amina").apply(reviewer)

    with pytest.raises(UndoConflictError):
        history.undo()  # the title: refused, and it leaves the history
    with pytest.raises(UndoConflictError):
        history.undo()  # the person on the same layer: refused too
    assert history.undo() is not None  # the label on the other article undoes
    assert analyst.spans("n", "amina") == []
    assert history.undo() is None
    assert len(analyst.spans("m", "amina")) == 2
    assert analyst.layer("m", "amina").status == "accepted"


def test_redo_after_a_reviewers_decision_is_refused_and_keeps_the_decision(
    two: tuple[Store, Store],
) -> None:
    analyst, reviewer = two
    history = History(analyst)
    history.do(AddSpan("m", "amina", 4, 14, "PERSON"))
    history.do(SetStatus("m", "amina", "done"))
    history.undo()  # not done after all...
    accept_layer(reviewer, "m", "amina", "جيد").apply(reviewer)  # ...but accepted meanwhile
    logged = log_size(analyst)

    with pytest.raises(UndoConflictError, match="cannot redo"):
        history.redo()

    layer = analyst.layer("m", "amina")
    assert (layer.status, layer.comment) == ("accepted", "جيد")
    assert log_size(analyst) == logged
    assert history.redo() is None  # the refused step left the history


def test_undoing_accept_agreed_after_another_reviewer_edited_gold_is_refused(
    two: tuple[Store, Store],
) -> None:
    salma, yacine = two
    for name in ("amina", "karim"):
        AddSpan("m", name, 4, 14, "PERSON").apply(salma)
        AddSpan("m", name, 16, 28, "TITLE").apply(salma)
    history = History(salma)
    history.do(accept_agreed(salma, "m", "amina", "karim"))
    (karim_person,) = [s.id for s in yacine.spans("m", "karim") if s.label == "PERSON"]
    reject = reject_span(yacine, karim_person)
    assert reject is not None
    reject.apply(yacine)  # yacine takes the person out of gold

    with pytest.raises(UndoConflictError, match="gold of article m"):
        history.undo()
    assert [s.label for s in salma.spans("m", GOLD)] == ["TITLE"]  # yacine's edit holds


def test_undo_and_redo_of_several_steps_on_one_layer_still_work_when_nobody_else_writes(
    two: tuple[Store, Store],
) -> None:
    analyst, _ = two
    history = History(analyst)
    for start, end in ((4, 14), (16, 28), (40, 53)):
        history.do(AddSpan("m", "amina", start, end, "PERSON"))
    history.do(SetStatus("m", "amina", "done"))
    for _ in range(4):
        history.undo()
    assert analyst.spans("m") == []
    assert analyst.layer("m", "amina").version == 0
    for _ in range(4):
        history.redo()
    assert len(analyst.spans("m")) == 3
    assert analyst.layer("m", "amina").status == "done"


def test_an_action_applied_inside_another_undoes_with_it_checked_as_one(
    two: tuple[Store, Store],
) -> None:
    """A batch whose steps are applied by hand (as planned gold decisions are) is one
    journal: undone whole, and refused whole after someone else's change."""
    analyst, reviewer = two

    class TwoLabels(Batch):
        def _applied(self, store: Store) -> Change:
            self.actions = [AddSpan("m", "amina", 4, 14, "PERSON"), SetStatus("m", "amina", "done")]
            for step in self.actions:
                step.apply(store)
            return Change("m")

    history = History(analyst)
    history.do(TwoLabels([]))
    assert analyst.layer("m", "amina").status == "done"
    history.undo()
    assert analyst.spans("m") == []
    assert analyst.layer("m", "amina").version == 0
    history.redo()
    accept_layer(reviewer, "m", "amina").apply(reviewer)
    with pytest.raises(UndoConflictError):
        history.undo()
    assert analyst.layer("m", "amina").status == "accepted"
