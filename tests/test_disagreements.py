"""A reviewer's view of two layers: where they disagree, in what way, in which order, and
what gold has decided there (no window: the window only draws this and maps keys)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.actions import AddRelation, AddSpan, History
from annotator.core.errors import LayerConflictError
from annotator.core.models import GOLD, Span
from annotator.core.review.adjudication import decide
from annotator.core.review.disagreements import article_review
from annotator.core.review.pairing import SpanPair, pair_spans
from annotator.core.review.review_set import next_article, position, reviewed_articles, set_progress
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
    """amina (A) follows the guideline; karim (B) makes the usual second-annotator
    mistakes: a title cut short with its ORG apart, a place labelled ORG, a date without
    its day word, another status, a relation to his shorter title, one relation more."""
    add_article("m", MEETING)
    ids = {
        "a_person": label_span("m", "amina", "عزيز أخنوش", "PERSON"),
        "a_title": label_span("m", "amina", "رئيس الحكومة", "TITLE"),
        "a_org": label_span("m", "amina", "الحكومة", "ORG"),
        "a_minister": label_span("m", "amina", "وزير الداخلية", "TITLE"),
        "a_laftit": label_span("m", "amina", "عبد الوافي لفتيت", "PERSON"),
        "a_rabat": label_span("m", "amina", "الرباط", "LOC"),
        "a_date": label_span("m", "amina", "يوم الأربعاء", "DATE"),
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
    for name, head, tail in (
        ("a_has", "a_person", "a_title"),
        ("a_laftit_has", "a_laftit", "a_minister"),
        ("b_has", "b_person", "b_title"),
        ("b_laftit_has", "b_laftit", "b_minister"),
    ):
        action = AddRelation("HAS_TITLE", ids[head], ids[tail])
        action.apply(store)
        ids[name] = action.relation_id or 0
    member = AddRelation("MEMBER_OF", ids["b_minister"], ids["b_interior"])
    member.apply(store)
    ids["b_member"] = member.relation_id or 0
    return ids


def surface(store: Store, span_id: int) -> str:
    span = store.span(span_id)
    assert span is not None
    return MEETING[span.start : span.end]


def test_every_disagreement_is_an_item_of_its_kind_in_reading_order(
    store: Store, meeting: dict[str, int]
) -> None:
    review = article_review(store, "m", "amina", "karim")

    described = []
    for item in review.items:
        if item.is_relation:
            rel = review.relation_pair(item)
            described.append((item.kind, rel.type))
        else:
            pair = review.span_pair(item)
            span = pair.a or pair.b
            assert span is not None
            described.append((item.kind, MEETING[span.start : span.end]))
    assert described == [
        ("only_a", "الحكومة"),
        ("bounds", "وزير الداخلية"),
        ("only_b", "الداخلية"),
        ("relation_only_b", "MEMBER_OF"),  # after both of its ends
        ("relation_ends", "HAS_TITLE"),  # لفتيت → his title: the title's bounds differ
        ("label", "الرباط"),
        ("bounds", "يوم الأربعاء"),
        ("attributes", "جواز التلقيح"),
    ]
    assert [item.position for item in review.items] == sorted(i.position for i in review.items)
    assert review.undecided == len(review.items) == 8
    # The agreed relation (أخنوش → رئيس الحكومة) and agreed spans are not items.
    assert review.item_of_span(meeting["a_person"]) is None
    assert review.item_of_span(meeting["b_rabat"]) is review.items[5]


def test_stepping_goes_through_items_and_stops_at_the_ends(
    store: Store, meeting: dict[str, int]
) -> None:
    review = article_review(store, "m", "amina", "karim")
    first = review.step(None, 1)
    assert first is review.items[0]
    assert review.step(first.key, -1) is None
    last = review.step(None, -1)
    assert last is review.items[-1]
    assert review.step(last.key, 1) is None
    assert review.step(review.items[3].key, 1) is review.items[4]
    where = position(review, review.items[3].key, {"m": 8, "other": 112})
    assert (where.number, where.of, where.undecided_here, where.left_in_set) == (4, 8, 8, 120)


def test_a_b_and_x_decide_places_and_undo_takes_each_back(
    store: Store, meeting: dict[str, int]
) -> None:
    history = History(store)
    review = article_review(store, "m", "amina", "karim")
    minister, interior, rabat = review.items[1], review.items[2], review.items[5]

    history.do(decide(review, minister.key, "a"))  # «وزير الداخلية» is one title
    review = article_review(store, "m", "amina", "karim")
    assert [surface(store, s.id) for s in store.spans("m", GOLD)] == ["وزير الداخلية"]
    assert review.item(minister.key).decided  # type: ignore[union-attr]

    history.do(decide(review, interior.key, "a"))  # A has no ORG there: gold neither
    review = article_review(store, "m", "amina", "karim")
    assert review.item(interior.key).decided  # type: ignore[union-attr]
    assert len(store.spans("m", GOLD)) == 1
    assert "span 44 52 ORG" in review.rejected

    history.do(decide(review, rabat.key, None))  # X: neither LOC nor ORG
    review = article_review(store, "m", "amina", "karim")
    assert review.item(rabat.key).decided  # type: ignore[union-attr]
    assert review.undecided == 4  # MEMBER_OF went with its rejected end; 3 places, 1 relation

    history.do(decide(review, rabat.key, "b"))  # changing one's mind: B after all
    assert [(surface(store, s.id), s.label) for s in store.spans("m", GOLD)][-1] == (
        "الرباط",
        "ORG",
    )
    history.undo()
    history.undo()
    review = article_review(store, "m", "amina", "karim")
    assert not review.item(rabat.key).decided  # type: ignore[union-attr]
    history.undo()
    history.undo()
    review = article_review(store, "m", "amina", "karim")
    assert store.spans("m", GOLD) == []
    assert review.rejected == frozenset()
    assert review.undecided == 8


def test_taking_the_other_side_replaces_gold_at_that_place(
    store: Store, meeting: dict[str, int]
) -> None:
    history = History(store)
    review = article_review(store, "m", "amina", "karim")
    date = review.items[6]
    history.do(decide(review, date.key, "a"))
    review = article_review(store, "m", "amina", "karim")
    history.do(decide(review, date.key, "b"))
    assert [surface(store, s.id) for s in store.spans("m", GOLD)] == ["الأربعاء"]
    history.undo()
    assert [surface(store, s.id) for s in store.spans("m", GOLD)] == ["يوم الأربعاء"]


def test_a_decision_on_a_screen_older_than_gold_is_refused_then_follows_the_database(
    store: Store, meeting: dict[str, int]
) -> None:
    """The review was read before someone else put B's date into gold: A's decision from
    that screen would replace it unseen, so it is refused (layer versions). Read again,
    the same decision replaces it instead of adding a second date."""
    review = article_review(store, "m", "amina", "karim")
    date = review.items[6]
    AddSpan("m", GOLD, *_bounds("الأربعاء"), "DATE").apply(store)
    with pytest.raises(LayerConflictError):
        decide(review, date.key, "a").apply(store)
    assert [surface(store, s.id) for s in store.spans("m", GOLD)] == ["الأربعاء"]
    decide(article_review(store, "m", "amina", "karim"), date.key, "a").apply(store)
    assert [surface(store, s.id) for s in store.spans("m", GOLD)] == ["يوم الأربعاء"]


def test_accepting_a_relation_brings_its_ends_in_one_undo_step(
    store: Store, meeting: dict[str, int]
) -> None:
    history = History(store)
    review = article_review(store, "m", "amina", "karim")
    relation = review.items[4]
    assert relation.kind == "relation_ends"

    history.do(decide(review, relation.key, "a"))
    (gold_relation,) = store.relations("m", GOLD)
    assert (
        gold_relation.type,
        surface(store, gold_relation.head),
        surface(store, gold_relation.tail),
    ) == ("HAS_TITLE", "عبد الوافي لفتيت", "وزير الداخلية")
    review = article_review(store, "m", "amina", "karim")
    assert review.item(relation.key).decided  # type: ignore[union-attr]
    assert review.item(review.items[1].key).decided  # its title's place is decided too
    history.undo()
    assert store.spans("m", GOLD) == []
    assert store.relations("m", GOLD) == []


def test_a_relation_uses_gold_s_version_of_an_end_already_decided(
    store: Store, meeting: dict[str, int]
) -> None:
    history = History(store)
    review = article_review(store, "m", "amina", "karim")
    history.do(decide(review, review.items[1].key, "b"))  # the title: «وزير»
    review = article_review(store, "m", "amina", "karim")
    history.do(decide(review, review.items[4].key, "a"))  # A's relation, to A's «وزير الداخلية»
    titles = [surface(store, s.id) for s in store.spans("m", GOLD) if s.label == "TITLE"]
    assert titles == ["وزير"]  # no second title at that place
    (gold_relation,) = store.relations("m", GOLD)
    assert surface(store, gold_relation.tail) == "وزير"


def test_measure_attributes_come_from_either_side(store: Store, meeting: dict[str, int]) -> None:
    from annotator.core.review.adjudication import take_attribute

    history = History(store)
    review = article_review(store, "m", "amina", "karim")
    measure = review.items[7]
    history.do(take_attribute(review, measure.key, "status", "b"))  # gold had nothing: all of B
    (gold,) = store.spans("m", GOLD)
    assert gold.attributes == {"status": "decided", "category": "health"}
    review = article_review(store, "m", "amina", "karim")
    history.do(take_attribute(review, measure.key, "status", "a"))
    assert store.spans("m", GOLD)[0].attributes["status"] == "in_force"
    history.undo()
    assert store.spans("m", GOLD)[0].attributes["status"] == "decided"


def test_edited_gold_bounds_stay_the_decision_of_their_place(
    store: Store, meeting: dict[str, int]
) -> None:
    """E on the measure: the reviewer keeps the action noun (guideline 10)."""
    from annotator.core.review.adjudication import edit_gold_bounds

    history = History(store)
    review = article_review(store, "m", "amina", "karim")
    measure = review.items[7]
    history.do(edit_gold_bounds(review, measure.key, *_bounds("العمل بجواز التلقيح"), side="a"))
    (gold,) = store.spans("m", GOLD)
    assert (surface(store, gold.id), gold.attributes["status"]) == (
        "العمل بجواز التلقيح",
        "in_force",
    )
    review = article_review(store, "m", "amina", "karim")
    assert review.item(measure.key).decided  # type: ignore[union-attr]
    assert review.undecided == 7
    history.undo()
    assert store.spans("m", GOLD) == []


def test_the_set_counts_undecided_items_and_finds_the_next_article(
    store: Store,
    meeting: dict[str, int],
    add_article: Callable[[str, str], str],
    label_span: LabelSpan,
) -> None:
    add_article("n", "قال وزير الداخلية إن المملكة ماضية في الإصلاح.")
    label_span("n", "amina", "المملكة", "LOC")
    label_span("n", "karim", "المملكة", "LOC")  # they agree: nothing to decide
    add_article("o", "أعلنت الوزارة عن برنامج جديد.")
    label_span("o", "amina", "الوزارة", "ORG")
    label_span("o", "karim", "برنامج جديد", "MEASURE")
    add_article("p", "مقال لم يقرأه إلا أحدهما.")
    label_span("p", "amina", "مقال", "MEASURE")

    assert reviewed_articles(store, "amina", "karim") == ["m", "n", "o"]
    counts = {p.article_id: p.undecided for p in set_progress(store, "amina", "karim")}
    assert counts == {"m": 8, "n": 0, "o": 2}
    order = ["m", "n", "o"]
    assert next_article(order, counts, "m") == "o"
    assert next_article(order, counts, "o") == "m"  # round the end of the list
    assert next_article(order, counts, "o", -1) == "m"
    assert next_article(order, {"m": 8}, "m") is None


def _bounds(needle: str) -> tuple[int, int]:
    start = MEETING.index(needle)
    return start, start + len(needle)


# -- the sweep pairs exactly as every span against every other did -------------------------


def _quadratic_pairs(spans_a: list[Span], spans_b: list[Span]) -> list[SpanPair]:
    """The pairing as first written (every span of A against every span of B)."""
    pairs: list[SpanPair] = []
    left, right = list(spans_a), list(spans_b)

    def shared(x: Span, y: Span) -> int:
        return min(x.end, y.end) - max(x.start, y.start)

    def pair_off(kind, same) -> None:  # type: ignore[no-untyped-def]
        candidates = sorted(
            (-shared(x, y), abs(x.start - y.start) + abs(x.end - y.end), i, j)
            for i, x in enumerate(left)
            for j, y in enumerate(right)
            if same(x, y)
        )
        used_l: set[int] = set()
        used_r: set[int] = set()
        for _, _, i, j in candidates:
            if i not in used_l and j not in used_r:
                used_l.add(i)
                used_r.add(j)
                pairs.append(SpanPair(kind, left[i], right[j]))
        left[:] = [x for i, x in enumerate(left) if i not in used_l]
        right[:] = [y for j, y in enumerate(right) if j not in used_r]

    pair_off("agree", lambda x, y: (x.start, x.end, x.label) == (y.start, y.end, y.label))
    pair_off("label_mismatch", lambda x, y: (x.start, x.end) == (y.start, y.end))
    pair_off("overlap", lambda x, y: x.label == y.label and shared(x, y) > 0)
    pair_off("overlap", lambda x, y: shared(x, y) > 0)
    pairs.extend(SpanPair("only_a", x, None) for x in left)
    pairs.extend(SpanPair("only_b", None, y) for y in right)
    pairs.sort(key=lambda p: (p.start, p.kind))
    return pairs


_spans = st.lists(
    st.tuples(st.integers(0, 30), st.integers(1, 6), st.sampled_from(["PERSON", "ORG", "LOC"])),
    max_size=14,
)


@settings(max_examples=300, deadline=None)
@given(_spans, _spans)
def test_the_sweep_pairs_like_the_quadratic_pairing(
    a: list[tuple[int, int, str]], b: list[tuple[int, int, str]]
) -> None:
    spans_a = [Span(i, "x", "a", s, s + n, label) for i, (s, n, label) in enumerate(a)]
    spans_b = [Span(100 + i, "x", "b", s, s + n, label) for i, (s, n, label) in enumerate(b)]
    assert pair_spans(spans_a, spans_b) == _quadratic_pairs(spans_a, spans_b)


def test_disagreements_are_counted_per_label_and_kind(
    store: Store, meeting: dict[str, int]
) -> None:
    from annotator.core.review.review_set import label_disagreements

    counts = label_disagreements(store, "amina", "karim")
    assert counts["TITLE"] == {"bounds": 1}
    assert counts["ORG"] == {"only_a": 1, "only_b": 1, "label": 1}
    assert counts["LOC"] == {"label": 1}  # الرباط: LOC for A, ORG for B, under both
    assert counts["DATE"] == {"bounds": 1}
    assert counts["MEASURE"] == {"attributes": 1}
    assert "PERSON" not in counts
