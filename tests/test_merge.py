"""A reviewer brings another analyst's whole database in; nothing of theirs overwrites ours."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.core.actions import AddRelation, SetStatus
from annotator.core.errors import StoreError
from annotator.core.models import GOLD
from annotator.core.review.merge import MergeConflict, merge_database
from annotator.core.store import Store
from tests.conftest import add_span, insert_article

NOTICE = "أعلنت وزارة الصحة عن تمديد العمل بجواز التلقيح إلى غاية 31 ديسمبر."
MEETING = "عقد عزيز أخنوش رئيس الحكومة اجتماعا مع وزير الداخلية."


@pytest.fixture
def other(tmp_path: Path) -> Iterator[Store]:
    """karim's database: the notice and the meeting, labelled, with a gold span."""
    with Store(tmp_path / "karim.db") as theirs:
        insert_article(theirs, "notice", NOTICE)
        insert_article(theirs, "meeting", MEETING)
        add_span(theirs, "notice", "karim", "وزارة الصحة", "ORG")
        add_span(theirs, "notice", "karim", "جواز التلقيح", "MEASURE", status="in_force")
        person = add_span(theirs, "meeting", "karim", "عزيز أخنوش", "PERSON")
        title = add_span(theirs, "meeting", "karim", "رئيس الحكومة", "TITLE")
        AddRelation("HAS_TITLE", person, title).apply(theirs)
        SetStatus("meeting", "karim", "done", "راجعت الأسماء").apply(theirs)
        add_span(theirs, "meeting", GOLD, "عزيز أخنوش", "PERSON")
        yield theirs


def layer(store: Store, article_id: str, annotator: str) -> list[tuple[str, str, dict[str, str]]]:
    article = store.article(article_id)
    assert article is not None
    return [
        (article.text[s.start : s.end], s.label, s.attributes)
        for s in store.spans(article_id, annotator)
    ]


def test_merge_into_an_empty_database_copies_articles_layers_and_relations(
    store: Store, other: Store
) -> None:
    report = merge_database(store, other.path)

    assert (report.articles_added, report.layers_copied, report.conflicts) == (2, 3, [])
    assert layer(store, "notice", "karim") == [
        ("وزارة الصحة", "ORG", {}),
        ("جواز التلقيح", "MEASURE", {"status": "in_force"}),
    ]
    (relation,) = store.relations("meeting", "karim")
    assert relation.type == "HAS_TITLE"
    assert {relation.head, relation.tail} == {s.id for s in store.spans("meeting", "karim")}
    assert (store.layer("meeting", "karim").status, store.layer("meeting", "karim").comment) == (
        "done",
        "راجعت الأسماء",
    )
    assert layer(store, "meeting", GOLD) == [("عزيز أخنوش", "PERSON", {})]
    assert store.search("وزارة الصحة") == ["notice"]  # the copied text is searchable


def test_merging_the_same_database_twice_changes_nothing(store: Store, other: Store) -> None:
    merge_database(store, other.path)

    report = merge_database(store, other.path)

    assert (report.articles_added, report.articles_matched) == (0, 2)
    assert (report.layers_copied, report.layers_identical, report.conflicts) == (0, 3, [])
    assert len(store.spans("notice", "karim")) == 2


def test_our_layers_stay_and_theirs_join_them(store: Store, other: Store) -> None:
    insert_article(store, "notice", NOTICE)
    add_span(store, "notice", "amina", "وزارة الصحة", "ORG")

    report = merge_database(store, other.path)

    assert report.articles_matched == 1
    assert layer(store, "notice", "amina") == [("وزارة الصحة", "ORG", {})]
    assert len(store.spans("notice", "karim")) == 2


def test_same_article_id_with_another_text_is_a_conflict_and_nothing_comes_in(
    store: Store, other: Store
) -> None:
    insert_article(store, "notice", NOTICE.replace("31 ديسمبر", "30 يونيو"))

    report = merge_database(store, other.path)

    assert report.conflicts == [
        MergeConflict("notice", None, "same article id with a different text; not merged")
    ]
    assert store.spans("notice") == []
    assert report.articles_added == 1  # the meeting still comes in


def test_different_labels_for_the_same_layer_are_a_conflict_and_ours_are_kept(
    store: Store, other: Store
) -> None:
    insert_article(store, "notice", NOTICE)
    add_span(store, "notice", "karim", "وزارة الصحة", "ORG")
    add_span(store, "notice", "karim", "جواز التلقيح", "MEASURE", status="decided")

    report = merge_database(store, other.path)

    assert [(c.article_id, c.annotator) for c in report.conflicts] == [("notice", "karim")]
    assert layer(store, "notice", "karim")[1] == ("جواز التلقيح", "MEASURE", {"status": "decided"})


def test_an_empty_layer_of_ours_receives_their_labels_but_keeps_its_review_status(
    store: Store, other: Store
) -> None:
    insert_article(store, "meeting", MEETING)
    SetStatus("meeting", "karim", "returned", "أكمل العمل").apply(store)

    report = merge_database(store, other.path)

    assert report.conflicts == []
    assert len(store.spans("meeting", "karim")) == 2
    assert store.layer("meeting", "karim").status == "returned"


def test_the_other_database_is_only_read(store: Store, other: Store) -> None:
    other.close()
    before = hashlib.sha256(other.path.read_bytes()).hexdigest()

    merge_database(store, other.path)

    assert hashlib.sha256(other.path.read_bytes()).hexdigest() == before


def test_merge_reports_progress_per_article(store: Store, other: Store) -> None:
    seen: list[tuple[int, int]] = []

    merge_database(store, other.path, progress=lambda done, total: seen.append((done, total)))

    assert seen == [(1, 2), (2, 2)]


def test_missing_file_and_the_database_itself_are_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        merge_database(store, tmp_path / "missing.db")
    with pytest.raises(StoreError, match="is this database"):
        merge_database(store, store.path)
    (tmp_path / "notes.db").write_text("not a database")
    with pytest.raises(StoreError, match="cannot read"):
        merge_database(store, tmp_path / "notes.db")


def test_unfinished_import_in_the_other_database_is_not_merged(store: Store, other: Store) -> None:
    import_id = other.begin_import("half.jsonl")
    insert_article(other, "half", "نص لم يكتمل استيراده")
    with other.write():
        other.conn.execute("UPDATE articles SET import_id = ? WHERE id = 'half'", [import_id])

    merge_database(store, other.path)

    assert store.article("half") is None


def test_merge_command_lists_conflicts_and_exits_1(store: Store, other: Store) -> None:
    insert_article(store, "notice", NOTICE.replace("31 ديسمبر", "30 يونيو"))

    result = CliRunner().invoke(main, ["--db", str(store.path), "merge", str(other.path)])

    assert result.exit_code == 1
    assert result.stdout == "notice: same article id with a different text; not merged\n"
    assert "1 article(s) added, 0 matched, 2 layer(s) copied" in result.stderr


def test_merge_command_without_conflicts_exits_0(store: Store, other: Store) -> None:
    result = CliRunner().invoke(main, ["--db", str(store.path), "merge", str(other.path)])

    assert result.exit_code == 0
    assert "2 article(s) added" in result.stderr


def test_merge_command_with_a_missing_file_exits_2(store: Store, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["--db", str(store.path), "merge", str(tmp_path / "x.db")])

    assert result.exit_code == 2
    assert "no such database file" in result.stderr
