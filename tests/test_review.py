"""A reviewer compares two analysts, builds the gold layer span by span, and undoes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from annotator.core.actions import AddRelation, History
from annotator.core.errors import ActionError
from annotator.core.models import GOLD
from annotator.core.review.gold import (
    accept_agreed,
    accept_layer,
    accept_span,
    compare_layers,
    reject_span,
    return_layer,
)
from annotator.core.store import Store

MEETING = (
    "عقد عزيز أخنوش رئيس الحكومة اجتماعا مع وزير الداخلية عبد الوافي لفتيت "
    "في الرباط يوم الأربعاء لبحث تمديد العمل بجواز التلقيح."
)
LabelSpan = Callable[..., int]


@pytest.fixture
def meeting(
    store: Store, add_article: Callable[[str, str], str], label_span: LabelSpan
) -> dict[str, int]:
    """amina and karim label the meeting; returns some of their span ids by name."""
    add_article("m", MEETING)
    ids = {
        "a_person": label_span("m", "amina", "عزيز أخنوش", "PERSON"),
        "a_title": label_span("m", "amina", "رئيس الحكومة", "TITLE"),
        "a_org": label_span("m", "amina", "الحكومة", "ORG"),
        "a_minister": label_span("m", "amina", "وزير الداخلية", "TITLE"),
        "a_laftit": label_span("m", "amina", "عبد الوافي لفتيت", "PERSON"),
        "a_rabat": label_span("m", "amina", "الرباط", "LOC"),
        "a_pass": label_span(
            "m", "amina", "جواز التلقيح", "MEASURE", status="in_force", category="health"
        ),
        "b_person": label_span("m", "karim", "عزيز أخنوش", "PERSON"),
        "b_title": label_span("m", "karim", "رئيس الحكومة", "TITLE"),
        "b_minister": label_span("m", "karim", "وزير", "TITLE"),
        "b_interior": label_span("m", "karim", "الداخلية", "ORG"),
        "b_laftit": label_span("m", "karim", "عبد الوافي لفتيت", "PERSON"),
        "b_rabat": label_span("m", "karim", "الرباط", "ORG"),
        "b_date": label_span("m", "karim", "الأربعاء", "DATE"),
        "b_pass": label_span(
            "m", "karim", "جواز التلقيح", "MEASURE", status="decided", category="health"
        ),
    }
    AddRelation("HAS_TITLE", ids["a_person"], ids["a_title"]).apply(store)
    AddRelation("HAS_TITLE", ids["a_laftit"], ids["a_minister"]).apply(store)
    AddRelation("HAS_TITLE", ids["b_person"], ids["b_title"]).apply(store)
    AddRelation("HAS_TITLE", ids["b_laftit"], ids["b_minister"]).apply(store)
    return ids


def gold(store: Store) -> list[tuple[str, str, dict[str, str]]]:
    return [(MEETING[s.start : s.end], s.label, s.attributes) for s in store.spans("m", GOLD)]


def test_comparison_classifies_every_span_once(store: Store, meeting: dict[str, int]) -> None:
    comparison = compare_layers(store, "m", "amina", "karim")

    assert comparison.counts() == {
        "agree": 4,
        "label_mismatch": 1,
        "overlap": 1,
        "only_a": 1,
        "only_b": 2,
    }
    kinds = {(p.a.id if p.a else None, p.b.id if p.b else None): p.kind for p in comparison.pairs}
    assert kinds[meeting["a_rabat"], meeting["b_rabat"]] == "label_mismatch"
    assert kinds[meeting["a_minister"], meeting["b_minister"]] == "overlap"
    assert kinds[meeting["a_org"], None] == "only_a"
    assert kinds[None, meeting["b_date"]] == "only_b"
    measure = next(p for p in comparison.pairs if p.a and p.a.id == meeting["a_pass"])
    assert measure.kind == "agree"
    assert measure.attributes_differ
    assert [p.start for p in comparison.pairs] == sorted(p.start for p in comparison.pairs)


def test_accepting_a_span_copies_it_and_its_attributes_into_gold(
    store: Store, meeting: dict[str, int]
) -> None:
    history = History(store)
    action = accept_span(store, meeting["a_pass"])
    assert action is not None

    change = history.do(action)

    assert change.article_id == "m"
    assert gold(store) == [
        ("جواز التلقيح", "MEASURE", {"status": "in_force", "category": "health"})
    ]
    assert store.spans("m", "amina")[-1].label == "MEASURE"  # the analyst's layer is untouched
    assert accept_span(store, meeting["a_pass"]) is None  # nothing left to do


def test_accepting_into_gold_is_undone_and_redone_with_the_same_span(
    store: Store, meeting: dict[str, int]
) -> None:
    history = History(store)
    action = accept_span(store, meeting["a_person"])
    assert action is not None
    history.do(action)
    (first,) = store.spans("m", GOLD)

    history.undo()
    assert store.spans("m", GOLD) == []
    assert store.layer("m", GOLD).status == "new"

    history.redo()
    assert [s.id for s in store.spans("m", GOLD)] == [first.id]


def test_accepting_the_second_end_of_a_relation_copies_the_relation(
    store: Store, meeting: dict[str, int]
) -> None:
    history = History(store)
    for name in ("a_person", "a_title"):
        action = accept_span(store, meeting[name])
        assert action is not None
        history.do(action)

    (relation,) = store.relations("m", GOLD)
    spans = {s.id: MEETING[s.start : s.end] for s in store.spans("m", GOLD)}
    assert (relation.type, spans[relation.head], spans[relation.tail]) == (
        "HAS_TITLE",
        "عزيز أخنوش",
        "رئيس الحكومة",
    )
    history.undo()  # the second accept took the relation with it
    assert store.relations("m", GOLD) == []
    assert len(store.spans("m", GOLD)) == 1


def test_accepting_the_other_analysts_version_replaces_gold_attributes(
    store: Store, meeting: dict[str, int]
) -> None:
    history = History(store)
    for name in ("a_pass", "b_pass"):
        action = accept_span(store, meeting[name])
        assert action is not None
        history.do(action)

    assert gold(store) == [("جواز التلقيح", "MEASURE", {"status": "decided", "category": "health"})]
    history.undo()
    assert gold(store)[0][2]["status"] == "in_force"


def test_rejecting_a_span_removes_its_gold_copy_and_undo_brings_it_back(
    store: Store, meeting: dict[str, int]
) -> None:
    history = History(store)
    accepted = accept_span(store, meeting["a_rabat"])
    assert accepted is not None
    history.do(accepted)

    rejection = reject_span(store, meeting["a_rabat"])
    assert rejection is not None
    history.do(rejection)
    assert gold(store) == []

    history.undo()
    assert gold(store) == [("الرباط", "LOC", {})]


def test_rejecting_a_span_gold_does_not_hold_records_nothing(
    store: Store, meeting: dict[str, int]
) -> None:
    assert reject_span(store, meeting["b_rabat"]) is None


def test_accept_agreed_is_one_undo_step_with_the_relations_both_have(
    store: Store, meeting: dict[str, int]
) -> None:
    history = History(store)

    history.do(accept_agreed(store, "m", "amina", "karim"))

    assert gold(store) == [
        ("عزيز أخنوش", "PERSON", {}),
        ("رئيس الحكومة", "TITLE", {}),
        ("عبد الوافي لفتيت", "PERSON", {}),
    ]  # جواز التلقيح: its status differs, a disagreement left to the reviewer
    # Both have أخنوش→رئيس الحكومة; لفتيت's titles differ, so that relation stays out.
    assert [r.type for r in store.relations("m", GOLD)] == ["HAS_TITLE"]
    history.undo()
    assert gold(store) == []
    assert store.relations("m", GOLD) == []


def test_gold_spans_cannot_be_accepted_into_gold(store: Store, meeting: dict[str, int]) -> None:
    action = accept_span(store, meeting["a_person"])
    assert action is not None
    action.apply(store)
    (gold_span,) = store.spans("m", GOLD)

    with pytest.raises(ActionError, match="already gold"):
        accept_span(store, gold_span.id)


def test_reviewer_accepts_or_returns_a_layer_with_a_comment(
    store: Store, meeting: dict[str, int]
) -> None:
    history = History(store)

    history.do(return_layer(store, "m", "karim", "راجع حدود الألقاب"))
    assert (store.layer("m", "karim").status, store.layer("m", "karim").comment) == (
        "returned",
        "راجع حدود الألقاب",
    )
    history.do(accept_layer(store, "m", "amina"))
    assert store.layer("m", "amina").status == "accepted"

    history.undo()
    assert store.layer("m", "amina").status == "in_progress"


def test_returning_a_layer_needs_a_reason(store: Store, meeting: dict[str, int]) -> None:
    with pytest.raises(ActionError, match="say why"):
        return_layer(store, "m", "karim", "  ")
    with pytest.raises(ActionError, match="no annotator"):
        accept_layer(store, "m", "nadia")
