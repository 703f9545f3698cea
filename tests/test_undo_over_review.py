"""An analyst's undo never reverts what a reviewer decided in between (two connections to
one database, as the analyst's window and a reviewer's would be)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.actions import AddSpan, History, SetStatus
from annotator.core.errors import AnnotatorError
from annotator.core.review.gold import accept_layer
from annotator.core.store import Store
from tests.conftest import insert_article

TEXT = "عقد عزيز أخنوش، رئيس الحكومة، اجتماعا مع وزير الداخلية."


@pytest.fixture
def two(tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    """The analyst's store and a reviewer's, on the same file."""
    db = tmp_path / "team.db"
    with Store(db) as analyst, Store(db) as reviewer:
        insert_article(analyst, "m", TEXT)
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

    with pytest.raises(AnnotatorError, match="changed by someone else"):
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

    with pytest.raises(AnnotatorError, match="changed by someone else"):
        history.undo()

    assert analyst.layer("m", "amina").status == "accepted"
    assert len(analyst.spans("m", "amina")) == 1
