"""A reviewer runs the quality checks and gets each problem with its code and place."""

from __future__ import annotations

from collections.abc import Callable

import orjson
import pytest
from click.testing import CliRunner, Result

from annotator.cli import main
from annotator.core.actions import AddSpan, SetStatus
from annotator.core.errors import InputError
from annotator.core.review.checks import CHECKS, Finding, run_checks
from annotator.core.store import Store

LabelSpan = Callable[..., int]
AddArticle = Callable[[str, str], str]


def codes(store: Store, **kwargs: object) -> list[str]:
    return [f.code for f in run_checks(store, **kwargs)]  # type: ignore[arg-type]


def only(store: Store, code: str) -> list[Finding]:
    return list(run_checks(store, codes=[code]))


def test_span_ending_on_punctuation_is_w001(
    store: Store, add_article: AddArticle, label_span: LabelSpan
) -> None:
    add_article("a1", "زار الوزير الرباط، ثم فاس. وبلغت النسبة 100% في المدينة")
    label_span("a1", "amina", "الرباط،", "LOC")
    label_span("a1", "amina", " فاس", "LOC")
    label_span("a1", "amina", "100%", "QUANTITY")

    found = only(store, "W001")

    assert [(f.start, f.end) for f in found] == [(11, 18), (21, 25)]


def test_span_keeping_its_proclitic_is_w002_and_the_name_without_it_is_clean(
    store: Store, add_article: AddArticle, label_span: LabelSpan
) -> None:
    add_article("a1", "استقبل وزير الصحة وخالد أيت الطالب المدير وعزيز أخنوش")
    label_span("a1", "amina", "وخالد أيت الطالب", "PERSON")
    label_span("a1", "amina", "وزير الصحة", "TITLE")
    label_span("a1", "amina", "عزيز أخنوش", "PERSON")

    found = only(store, "W002")

    assert [f.code for f in found] == ["W002"]
    assert found[0].message_en == "span «وخالد أيت الطالب» starts with the proclitic «و»"
    assert "السابقة «و»" in found[0].message_ar
    assert codes(store, codes=["W003"]) == []  # «عزيز» after و is not a cut


def test_span_cutting_a_word_is_w003(
    store: Store, add_article: AddArticle, label_span: LabelSpan
) -> None:
    add_article("a1", "أعلنت وزارة الصحة عن تمديد العمل")
    label_span("a1", "amina", "وزارة الص", "ORG")

    found = only(store, "W003")

    assert [(f.code, f.start, f.end) for f in found] == [("W003", 6, 15)]


def test_same_span_twice_in_one_layer_is_w004_once(
    store: Store, add_article: AddArticle, label_span: LabelSpan
) -> None:
    add_article("a1", "أعلنت وزارة الصحة عن تمديد العمل")
    for _ in range(3):
        label_span("a1", "amina", "وزارة الصحة", "ORG")
    label_span("a1", "karim", "وزارة الصحة", "ORG")

    found = only(store, "W004")

    assert [(f.annotator, f.code) for f in found] == [("amina", "W004")]
    assert "3 times" in found[0].message_en


def test_same_surface_with_two_labels_across_articles_is_w005(
    store: Store, add_article: AddArticle, label_span: LabelSpan
) -> None:
    add_article("a1", "أعلنت وزارة الصحة عن تمديد العمل")
    add_article("a2", "قالت وِزارة الصحة إن الوضع مستقر")  # a kasra: same word for the check
    add_article("a3", "قالت وزارة الصحة إن الوضع مستقر")
    label_span("a1", "amina", "وزارة الصحة", "ORG")
    label_span("a2", "amina", "وِزارة الصحة", "LOC")
    label_span("a3", "karim", "وزارة الصحة", "LOC")  # another annotator's choice is not amina's

    found = only(store, "W005")

    assert [(f.article_id, f.annotator) for f in found] == [("a1", "amina"), ("a2", "amina")]
    assert found[0].message_en == "«وزارة الصحة» is labelled ORG here but LOC ×1 elsewhere"
    assert "مؤسسة" in found[0].message_ar
    assert "مكان" in found[0].message_ar


def test_w005_points_at_the_odd_label_out_when_one_label_dominates(
    store: Store, add_article: AddArticle, label_span: LabelSpan
) -> None:
    for article_id, label in [("a1", "ORG"), ("a2", "ORG"), ("a3", "LOC"), ("a4", "ORG")]:
        add_article(article_id, "أعلنت وزارة الصحة عن تمديد العمل")
        label_span(article_id, "amina", "وزارة الصحة", label)

    found = only(store, "W005")

    assert [(f.article_id, f.message_en) for f in found] == [
        ("a3", "«وزارة الصحة» is labelled LOC here but ORG ×3 elsewhere")
    ]


def test_labelled_surface_left_unlabelled_elsewhere_in_the_article_is_w006(
    store: Store, add_article: AddArticle, label_span: LabelSpan
) -> None:
    text = (
        "قالت وزارة الصحة إن المغربية بلغت. ثم أكدت وزارة الصحة ذلك، "
        "وأضاف بلاغ لوزارة الصحة والحماية الاجتماعية أن المغرب مستعد."
    )
    add_article("a1", text)
    label_span("a1", "amina", "وزارة الصحة", "ORG")
    label_span("a1", "amina", "المغرب", "LOC", nth=1)
    label_span("a1", "amina", "وزارة الصحة والحماية الاجتماعية", "ORG")

    found = only(store, "W006")

    # The second «وزارة الصحة» is unlabelled; the third sits inside a labelled ORG, and
    # «المغربية» is another word.
    assert [(f.start, f.end) for f in found] == [(43, 54)]
    assert text[43:54] == "وزارة الصحة"


def test_unlabelled_occurrence_with_tashkeel_is_found_at_its_own_offsets(
    store: Store, add_article: AddArticle, label_span: LabelSpan
) -> None:
    text = "قالت وزارة الصحة… ثم أكدت وَزارةُ الصِّحّة ذلك"
    add_article("a1", text)
    label_span("a1", "amina", "وزارة الصحة", "ORG")

    found = only(store, "W006")

    assert [text[f.start : f.end] for f in found] == ["وَزارةُ الصِّحّة"]


def test_unlabelled_occurrence_after_a_proclitic_is_w006(
    store: Store, add_article: AddArticle, label_span: LabelSpan
) -> None:
    text = "قالت وزارة الصحة إن بلاغا لوزارة الصحة صدر"
    add_article("a1", text)
    label_span("a1", "amina", "وزارة الصحة", "ORG")

    found = only(store, "W006")

    start = text.index("لوزارة") + 1
    assert [(f.start, f.end) for f in found] == [(start, start + len("وزارة الصحة"))]


def test_measure_without_status_is_w007(
    store: Store, add_article: AddArticle, label_span: LabelSpan
) -> None:
    add_article("a1", "قررت الحكومة تمديد العمل بجواز التلقيح وفرض العمل عن بعد")
    label_span("a1", "amina", "جواز التلقيح", "MEASURE", status="in_force")
    label_span("a1", "amina", "العمل عن بعد", "MEASURE", category="workforce")

    found = only(store, "W007")

    assert [f.message_en for f in found] == ["measure «العمل عن بعد» has no status"]


def test_relation_the_schema_does_not_allow_is_e008(
    store: Store, add_article: AddArticle, label_span: LabelSpan
) -> None:
    add_article("a1", "عقد عزيز أخنوش رئيس الحكومة اجتماعا في الرباط")
    person = label_span("a1", "amina", "عزيز أخنوش", "PERSON")
    place = label_span("a1", "amina", "الرباط", "LOC")
    title = label_span("a1", "amina", "رئيس الحكومة", "TITLE")
    # The window refuses these; an import from an older schema or a hand-edited file does not.
    with store.write():
        for rel_type, head, tail in [
            ("HAS_TITLE", person, place),
            ("LIVES_IN", person, place),
            ("HAS_TITLE", person, title),
        ]:
            store.conn.execute(
                "INSERT INTO relations (article_id, annotator_id, type, head, tail) "
                "VALUES ('a1', ?, ?, ?, ?)",
                [store.annotator_id("amina"), rel_type, head, tail],
            )

    found = only(store, "E008")

    assert [f.message_en for f in found] == [
        "relation HAS_TITLE cannot link PERSON to LOC",
        "relation LIVES_IN cannot link PERSON to LOC",
    ]
    assert all(f.severity == "error" and f.span_id == person for f in found)


def test_spans_on_a_changed_text_are_e009(
    store: Store, add_article: AddArticle, label_span: LabelSpan
) -> None:
    add_article("a1", "أعلنت وزارة الصحة عن تمديد العمل")
    label_span("a1", "amina", "وزارة الصحة", "ORG")
    SetStatus("a1", "karim", "in_progress").apply(store)  # no spans: nothing can be misplaced
    with store.write():
        store.conn.execute("UPDATE layers SET text_sha256 = 'older'")

    found = only(store, "E009")

    assert [(f.annotator, f.start) for f in found] == [("amina", None)]


def test_done_article_without_spans_is_w010(
    store: Store, add_article: AddArticle, label_span: LabelSpan
) -> None:
    add_article("a1", "أعلنت وزارة الصحة عن تمديد العمل")
    SetStatus("a1", "amina", "done").apply(store)
    SetStatus("a1", "karim", "in_progress").apply(store)
    label_span("a1", "nadia", "وزارة الصحة", "ORG")
    SetStatus("a1", "nadia", "done").apply(store)

    found = only(store, "W010")

    assert [(f.article_id, f.annotator) for f in found] == [("a1", "amina")]
    assert found[0].format() == "a1: W010 [warning] amina: marked done but has no spans"


def test_clean_layer_has_no_findings(
    store: Store, add_article: AddArticle, label_span: LabelSpan
) -> None:
    add_article("a1", "عقد عزيز أخنوش رئيس الحكومة اجتماعا مع وزير الداخلية")
    label_span("a1", "amina", "عزيز أخنوش", "PERSON")
    label_span("a1", "amina", "رئيس الحكومة", "TITLE")
    label_span("a1", "amina", "الحكومة", "ORG")
    SetStatus("a1", "amina", "done").apply(store)

    assert codes(store) == []


def test_checks_can_be_limited_to_an_annotator_and_to_articles(
    store: Store, add_article: AddArticle, label_span: LabelSpan
) -> None:
    for article_id in ("a1", "a2"):
        add_article(article_id, "أعلنت وزارة الصحة عن تمديد العمل")
        for annotator in ("amina", "karim"):
            label_span(article_id, annotator, "وزارة الص", "ORG")

    assert len(codes(store)) == 4
    mine = list(run_checks(store, annotator="karim", article_ids=["a2"]))
    assert [(f.article_id, f.annotator, f.code) for f in mine] == [("a2", "karim", "W003")]


def test_findings_come_article_by_article_in_id_order(
    store: Store, add_article: AddArticle, label_span: LabelSpan
) -> None:
    for article_id in ("b", "a", "c"):
        add_article(article_id, "أعلنت وزارة الصحة عن تمديد العمل")
        label_span(article_id, "amina", "وزارة الص", "ORG")
        SetStatus(article_id, "karim", "done").apply(store)

    assert [(f.article_id, f.code) for f in run_checks(store)] == [
        ("a", "W010"),
        ("a", "W003"),
        ("b", "W010"),
        ("b", "W003"),
        ("c", "W010"),
        ("c", "W003"),
    ]


def test_unknown_annotator_or_code_is_an_input_error(store: Store) -> None:
    with pytest.raises(InputError, match="no annotator 'zed'"):
        list(run_checks(store, annotator="zed"))
    with pytest.raises(InputError, match="W999"):
        list(run_checks(store, codes=["W999"]))


def test_every_check_has_a_stable_code_and_both_languages() -> None:
    assert list(CHECKS) == [
        "W001",
        "W002",
        "W003",
        "W004",
        "W005",
        "W006",
        "W007",
        "E008",
        "E009",
        "W010",
    ]
    for code, check in CHECKS.items():
        assert check.code == code
        assert code[0] == {"error": "E", "warning": "W", "info": "I"}[check.severity]
        assert check.en
        assert check.ar
        assert check.title


def test_finding_is_json_ready(store: Store, add_article: AddArticle) -> None:
    add_article("a1", "نص")
    SetStatus("a1", "amina", "done").apply(store)

    (found,) = run_checks(store)

    assert found.to_dict() == {
        "code": "W010",
        "severity": "warning",
        "message_en": "marked done but has no spans",
        "message_ar": "معلَّم كمنجز ولا وسم فيه",
        "article_id": "a1",
        "annotator": "amina",
        "start": None,
        "end": None,
        "span_id": None,
    }


def test_check_reads_only_finished_imports(store: Store, add_article: AddArticle) -> None:
    add_article("a1", "أعلنت وزارة الصحة عن تمديد العمل")
    import_id = store.begin_import("half.jsonl")
    with store.write():
        AddSpan("a1", "amina", 6, 15, "ORG").apply(store)
        store.conn.execute("UPDATE spans SET import_id = ?", [import_id])
        store.conn.execute("UPDATE layers SET import_id = ?", [import_id])

    assert codes(store) == []


def run(store: Store, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(store.path), *args])


def test_check_command_prints_one_line_per_finding_and_exits_1(
    store: Store, add_article: AddArticle, label_span: LabelSpan
) -> None:
    add_article("a1", "استقبل الوزير وخالد أيت الطالب")
    label_span("a1", "amina", "وخالد أيت الطالب", "PERSON")

    result = run(store, "check")

    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "a1:14-30: W002 [warning] amina: span «وخالد أيت الطالب» starts with the proclitic «و»"
    ]
    assert "1 finding(s)" in result.stderr
    arabic = run(store, "check", "--lang", "ar")
    assert "يبدأ بالسابقة" in arabic.stdout


def test_a_surface_across_a_line_break_keeps_its_finding_on_one_line(
    store: Store, add_article: AddArticle, label_span: LabelSpan
) -> None:
    add_article("a1", "قرار الداخلية\nوزير الصحة")
    label_span("a1", "amina", "الداخلية\nوزير", "ORG")
    label_span("a1", "amina", "الداخلية\nوزير", "ORG")

    result = run(store, "check", "--code", "W004")

    assert result.stdout.splitlines() == [
        "a1:5-18: W004 [warning] amina: «الداخلية⏎وزير» is labelled ORG 2 times at the same place"
    ]


def test_check_command_json_and_annotator_filter(
    store: Store, add_article: AddArticle, label_span: LabelSpan
) -> None:
    add_article("a1", "أعلنت وزارة الصحة عن تمديد العمل")
    label_span("a1", "amina", "وزارة الص", "ORG")
    label_span("a1", "karim", "وزارة الصحة", "ORG")

    result = run(store, "check", "--json", "--annotator", "amina")

    assert result.exit_code == 1
    assert [orjson.loads(line)["code"] for line in result.stdout.splitlines()] == ["W003"]
    assert run(store, "check", "--annotator", "karim").exit_code == 0


def test_check_command_on_a_clean_database_exits_0(store: Store) -> None:
    result = run(store, "check")

    assert (result.exit_code, result.stdout) == (0, "")
