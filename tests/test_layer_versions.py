"""Layer versions: every write names a new state of the layer, and a reviewer's decision or
gold edit holds only on the state she saw (two connections to one file stand for two
reviewers' windows)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.core.actions import AddSpan, History, SetStatus
from annotator.core.errors import ActionError, LayerConflictError
from annotator.core.models import GOLD
from annotator.core.review.gold import (
    accept_agreed,
    accept_layer,
    accept_span,
    reject_span,
    reopen_layer,
    return_layer,
)
from annotator.core.store import Store, migrations
from annotator.core.store import sqlite as store_module
from tests.conftest import insert_article

TEXT = "عقد عزيز أخنوش، رئيس الحكومة، اجتماعا مع وزير الداخلية."
PERSON = (4, 14)
TITLE = (16, 28)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Article m, labelled by amina and karim alike (a person and a title), both done."""
    path = tmp_path / "team.db"
    with Store(path) as store:
        insert_article(store, "m", TEXT)
        for name in ("amina", "karim"):
            for (start, end), label in ((PERSON, "PERSON"), (TITLE, "TITLE")):
                AddSpan("m", name, start, end, label).apply(store)
            SetStatus("m", name, "done").apply(store)
    return path


@pytest.fixture
def reviewers(db: Path) -> Iterator[tuple[Store, Store]]:
    with Store(db) as salma, Store(db) as yacine:
        yield salma, yacine


def log_size(store: Store) -> int:
    return int(store.execute("SELECT count(*) FROM actions").fetchone()[0])


def span_of(store: Store, annotator: str, bounds: tuple[int, int]) -> int:
    (span,) = [s for s in store.spans("m", annotator) if (s.start, s.end) == bounds]
    return span.id


# -- versions --------------------------------------------------------------------------


def test_every_write_names_a_new_state_and_undo_and_redo_give_the_old_names_back(
    store: Store,
) -> None:
    insert_article(store, "m", TEXT)
    assert store.layer("m", "amina").version == 0  # no layer yet
    history = History(store)
    seen = []
    for action in (
        AddSpan("m", "amina", *PERSON, "PERSON"),
        AddSpan("m", "amina", *TITLE, "TITLE"),
        SetStatus("m", "amina", "done"),
    ):
        history.do(action)
        seen.append(store.layer("m", "amina").version)
    assert len(set(seen)) == 3
    assert seen == sorted(seen)

    history.undo()
    assert store.layer("m", "amina").version == seen[1]  # the same state, the same name
    history.undo()
    assert store.layer("m", "amina").version == seen[0]
    history.redo()
    assert store.layer("m", "amina").version == seen[1]
    history.redo()
    assert store.layer("m", "amina").version == seen[2]

    # A new state after an undo gets a number never used, not the undone state's.
    history.undo()
    history.do(SetStatus("m", "amina", "in_progress"))
    assert store.layer("m", "amina").version not in seen


def test_a_layer_undo_removed_and_made_again_never_takes_a_number_it_had(store: Store) -> None:
    """A reviewer who saw the first layer must not take the second one for it."""
    insert_article(store, "m", TEXT)
    history = History(store)
    history.do(AddSpan("m", "amina", *PERSON, "PERSON"))
    first = store.layer("m", "amina").version
    history.undo()
    assert store.layer("m", "amina").version == 0  # the row is gone, as before the label
    history.do(AddSpan("m", "amina", *TITLE, "TITLE"))
    assert store.layer("m", "amina").version > first
    with pytest.raises(LayerConflictError):
        accept_layer(store, "m", "amina", seen=first).apply(store)


def test_an_older_database_gets_versions_and_its_layers_can_be_decided(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    with monkeypatch.context() as patch:  # the schema as it was before layer versions
        before = [m.name for m in migrations.MIGRATIONS].index("m003_layer_versions")
        patch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:before])
        patch.setattr(store_module, "LATEST", before)
        with Store(path) as old:
            insert_article(old, "m", TEXT)
    conn = sqlite3.connect(path, isolation_level=None)
    try:  # a layer as that program wrote it
        conn.execute("INSERT INTO annotators (id, name) VALUES (7, 'amina')")
        conn.execute(
            "INSERT INTO layers (article_id, annotator_id, status, text_sha256, updated_at) "
            "SELECT 'm', 7, 'done', text_sha256, 0 FROM articles"
        )
    finally:
        conn.close()
    with Store(path) as store:
        layer = store.layer("m", "amina")
        assert (layer.status, layer.version) == ("done", 1)
        accept_layer(store, "m", "amina", seen=1).apply(store)
        assert store.layer("m", "amina").status == "accepted"
    assert (tmp_path / f"old.db.v{before}.bak").exists()


# -- decisions on a layer --------------------------------------------------------------


def test_the_second_of_two_reviewers_deciding_one_layer_is_told_and_changes_nothing(
    reviewers: tuple[Store, Store],
) -> None:
    salma, yacine = reviewers
    seen_by_salma = salma.layer("m", "amina").version
    seen_by_yacine = yacine.layer("m", "amina").version  # both panels show it done
    accept_layer(salma, "m", "amina", "أحسنت", seen=seen_by_salma).apply(salma)
    logged = log_size(yacine)

    with pytest.raises(LayerConflictError) as refused:
        return_layer(yacine, "m", "amina", "ناقص", seen=seen_by_yacine).apply(yacine)

    assert "another reviewer decided this layer a moment ago" in str(refused.value)
    assert "now accepted" in str(refused.value)
    layer = yacine.layer("m", "amina")
    assert (layer.status, layer.comment) == ("accepted", "أحسنت")
    assert log_size(yacine) == logged
    # Having seen salma's decision, yacine may change it: that is a decision, not a race.
    return_layer(yacine, "m", "amina", "ناقص", seen=layer.version).apply(yacine)
    assert yacine.layer("m", "amina").status == "returned"


def test_a_decision_on_a_layer_its_analyst_changed_since_is_refused(
    reviewers: tuple[Store, Store],
) -> None:
    salma, amina = reviewers
    seen = salma.layer("m", "amina").version
    AddSpan("m", "amina", 40, 53, "TITLE").apply(amina)  # labelled after salma looked
    with pytest.raises(LayerConflictError):
        accept_layer(salma, "m", "amina", seen=seen).apply(salma)
    assert salma.layer("m", "amina").status == "done"


def test_without_a_version_a_decision_takes_the_layer_as_it_is_but_never_overrides_one(
    reviewers: tuple[Store, Store],
) -> None:
    salma, yacine = reviewers
    accept_layer(salma, "m", "amina").apply(salma)
    with pytest.raises(ActionError, match="already accepted by a reviewer"):
        return_layer(yacine, "m", "amina", "ناقص")
    # Reopening is a decision too: it quotes the version it saw.
    seen = yacine.layer("m", "amina").version
    action = reopen_layer(yacine, "m", "amina")
    accept_layer(salma, "m", "amina", "بعد المراجعة", seen=seen).apply(salma)
    with pytest.raises(LayerConflictError):
        action.apply(yacine)
    reopen_layer(yacine, "m", "amina").apply(yacine)
    assert yacine.layer("m", "amina").status == "in_progress"
    with pytest.raises(ActionError, match="nothing to reopen"):
        reopen_layer(yacine, "m", "amina")


# -- gold ------------------------------------------------------------------------------


def test_gold_edits_of_two_reviewers_on_one_article_never_overwrite_each_other(
    reviewers: tuple[Store, Store],
) -> None:
    salma, yacine = reviewers
    seen_by_salma = salma.layer("m", GOLD).version
    seen_by_yacine = yacine.layer("m", GOLD).version
    assert seen_by_salma == seen_by_yacine == 0  # no gold yet

    accept = accept_span(salma, span_of(salma, "amina", PERSON), seen_by_salma)
    assert accept is not None
    accept.apply(salma)
    # yacine, still looking at gold without the person, rejects it from his stale view...
    stale_reject = reject_span(yacine, span_of(yacine, "karim", PERSON), seen_by_yacine)
    assert stale_reject is not None
    with pytest.raises(LayerConflictError, match="gold of article m changed"):
        stale_reject.apply(yacine)
    # ... or accepts everything both agree on: refused too, gold is as salma left it.
    with pytest.raises(LayerConflictError):
        accept_agreed(yacine, "m", "amina", "karim", seen_by_yacine).apply(yacine)
    assert [(s.start, s.end) for s in yacine.spans("m", GOLD)] == [PERSON]

    # Looking again, he works on what salma did.
    fresh = yacine.layer("m", GOLD).version
    accept_agreed(yacine, "m", "amina", "karim", fresh).apply(yacine)
    assert [(s.start, s.end) for s in yacine.spans("m", GOLD)] == [PERSON, TITLE]


def test_a_gold_edit_without_a_version_is_checked_against_gold_as_it_was_read(
    reviewers: tuple[Store, Store],
) -> None:
    """Scripts and tests build the action and apply it later: gold is pinned when built."""
    salma, yacine = reviewers
    planned = accept_span(yacine, span_of(yacine, "karim", TITLE))
    assert planned is not None
    accept_agreed(salma, "m", "amina", "karim").apply(salma)
    with pytest.raises(LayerConflictError):
        planned.apply(yacine)


# -- the command line ------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_a_reviewer_decides_from_the_command_line_quoting_the_version_she_saw(db: Path) -> None:
    code, listing, _ = run("--db", str(db), "layers", "m")
    assert code == 0
    lines = dict(line.split("\t", 1) for line in listing.splitlines())
    assert lines["amina"].startswith("done\tversion ")
    seen = lines["amina"].split("\t")[1].removeprefix("version ")

    code, out, _ = run("--db", str(db), "accept", "m", "amina", "--seen", seen)
    assert code == 0
    assert "amina's layer of m: accepted" in out

    # Another reviewer who looked at the same version is refused, exit 2, told why.
    code, _, err = run("--db", str(db), "return", "m", "amina", "--comment", "ناقص", "--seen", seen)
    assert code == 2
    assert "another reviewer decided this layer a moment ago" in err
    # Without --seen, a decision never overrides another reviewer's.
    code, _, err = run("--db", str(db), "return", "m", "amina", "--comment", "ناقص")
    assert code == 2
    assert "already accepted" in err
    code, _, _ = run("--db", str(db), "reopen", "m", "amina")
    assert code == 0
    conn = sqlite3.connect(db)
    try:
        status = conn.execute(
            "SELECT l.status FROM layers l JOIN annotators n ON n.id = l.annotator_id "
            "WHERE n.name = 'amina'"
        ).fetchone()[0]
    finally:
        conn.close()
    assert status == "in_progress"
