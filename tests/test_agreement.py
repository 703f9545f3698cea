"""A reviewer reads how far two analysts agree, and which articles to look at first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import krippendorff
import orjson
import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st
from nltk.metrics.agreement import AnnotationTask

from annotator.cli import main
from annotator.core.actions import AddRelation
from annotator.core.errors import InputError
from annotator.core.review.agreement import agreement
from annotator.core.review.measures import (
    _UNUSUAL,
    cohen_kappa,
    krippendorff_alpha,
    token_bounds,
)
from annotator.core.store import Store
from annotator.core.text.tokens import tokens
from tests.conftest import DATA

MEETING = (
    "عقد عزيز أخنوش رئيس الحكومة اجتماعا مع وزير الداخلية عبد الوافي لفتيت في الرباط يوم الأربعاء."
)
NOTICE = "أعلنت وزارة الصحة عن تمديد العمل بجواز التلقيح."

LabelSpan = Callable[..., int]


@pytest.fixture
def two_analysts(
    store: Store, add_article: Callable[[str, str], str], label_span: LabelSpan
) -> Store:
    """amina and karim label the meeting differently, agree on the notice; only amina
    has opened a third article."""
    add_article("meeting", MEETING)
    add_article("notice", NOTICE)
    add_article("only_amina", "قال الوزير إن المغرب مستعد.")

    person = label_span("meeting", "amina", "عزيز أخنوش", "PERSON")
    title = label_span("meeting", "amina", "رئيس الحكومة", "TITLE")
    label_span("meeting", "amina", "الحكومة", "ORG")
    minister = label_span("meeting", "amina", "وزير الداخلية", "TITLE")
    laftit = label_span("meeting", "amina", "عبد الوافي لفتيت", "PERSON")
    label_span("meeting", "amina", "الرباط", "LOC")
    AddRelation("HAS_TITLE", person, title).apply(store)
    AddRelation("HAS_TITLE", laftit, minister).apply(store)

    person = label_span("meeting", "karim", "عزيز أخنوش", "PERSON")
    title = label_span("meeting", "karim", "رئيس الحكومة", "TITLE")
    minister = label_span("meeting", "karim", "وزير", "TITLE")
    label_span("meeting", "karim", "الداخلية", "ORG")
    laftit = label_span("meeting", "karim", "عبد الوافي لفتيت", "PERSON")
    label_span("meeting", "karim", "الرباط", "ORG")
    label_span("meeting", "karim", "الأربعاء", "DATE")
    AddRelation("HAS_TITLE", person, title).apply(store)
    AddRelation("HAS_TITLE", laftit, minister).apply(store)

    for annotator in ("amina", "karim"):
        label_span("notice", annotator, "وزارة الصحة", "ORG")
        label_span("notice", annotator, "جواز التلقيح", "MEASURE")
    label_span("only_amina", "amina", "المغرب", "LOC")
    return store


def token_labels(
    store: Store, article_id: str, annotator: str, label: str | None = None
) -> list[str]:
    """The documented rule, written out slowly: innermost touching span, else "O"."""
    article = store.article(article_id)
    assert article is not None
    spans = store.spans(article_id, annotator)
    result = []
    for token in tokens(article.text):
        touching = [
            s
            for s in spans
            if s.start < token.end and token.start < s.end and (label is None or s.label == label)
        ]
        if label is not None:
            result.append("1" if touching else "0")
        elif touching:
            result.append(min(touching, key=lambda s: (s.end - s.start, s.label)).label)
        else:
            result.append("O")
    return result


def oracle_task(store: Store, label: str | None = None) -> tuple[list[str], list[str]]:
    a, b = [], []
    for article_id in ("meeting", "notice"):
        a += token_labels(store, article_id, "amina", label)
        b += token_labels(store, article_id, "karim", label)
    return a, b


def nltk_kappa(a: list[str], b: list[str]) -> float:
    data = [("a", i, x) for i, x in enumerate(a)] + [("b", i, y) for i, y in enumerate(b)]
    return float(AnnotationTask(data=data).kappa())


def package_alpha(a: list[str], b: list[str]) -> float:
    codes = {name: i for i, name in enumerate(sorted(set(a) | set(b)))}
    data = [[codes[x] for x in a], [codes[y] for y in b]]
    return float(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def test_span_scores_count_exact_and_overlapping_matches(two_analysts: Store) -> None:
    report = agreement(two_analysts, "amina", "karim")

    assert report.articles == 2
    # meeting: 3 exact (two PERSON, one TITLE) of 6 by amina and 7 by karim; notice: 2 of 2/2.
    assert (report.exact.matched, report.exact.a, report.exact.b) == (5, 8, 9)
    assert report.exact.precision == pytest.approx(5 / 9)
    assert report.exact.recall == pytest.approx(5 / 8)
    assert report.exact.f1 == pytest.approx(10 / 17)
    # «وزير» overlaps «وزير الداخلية» with the same label; «الرباط» LOC/ORG does not count.
    assert report.overlap.matched == 6


def test_scores_per_label_show_where_analysts_differ(two_analysts: Store) -> None:
    labels = {item.label: item for item in agreement(two_analysts, "amina", "karim").labels}

    assert list(labels) == ["PERSON", "TITLE", "ORG", "LOC", "DATE", "MEASURE"]
    assert labels["PERSON"].exact.f1 == 1.0
    assert (labels["TITLE"].exact.matched, labels["TITLE"].overlap.matched) == (1, 2)
    assert (labels["ORG"].exact.matched, labels["ORG"].exact.a, labels["ORG"].exact.b) == (1, 2, 3)
    assert labels["LOC"].exact.recall == 0.0
    assert labels["DATE"].exact.precision == 0.0


def test_token_kappa_and_alpha_equal_nltk_and_krippendorff(two_analysts: Store) -> None:
    a, b = oracle_task(two_analysts)
    assert a != b  # the constructed data really disagrees

    report = agreement(two_analysts, "amina", "karim")

    assert report.tokens.tokens == len(a)
    assert report.tokens.observed == pytest.approx(
        sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
    )
    assert report.tokens.kappa == pytest.approx(nltk_kappa(a, b))
    assert report.tokens.alpha == pytest.approx(package_alpha(a, b))
    assert 0 < report.tokens.kappa < 1


def test_per_label_kappa_counts_outer_and_nested_spans(two_analysts: Store) -> None:
    report = agreement(two_analysts, "amina", "karim")

    for item in report.labels:
        a, b = oracle_task(two_analysts, item.label)
        assert item.kappa == pytest.approx(nltk_kappa(a, b)), item.label


def test_nested_span_gives_its_label_to_the_token(store: Store, add_article, label_span) -> None:
    add_article("a1", MEETING)
    label_span("a1", "amina", "رئيس الحكومة", "TITLE")
    label_span("a1", "amina", "الحكومة", "ORG")
    label_span("a1", "karim", "رئيس الحكومة", "TITLE")

    report = agreement(store, "amina", "karim")

    # «رئيس» agrees (TITLE/TITLE), «الحكومة» does not (ORG inside TITLE vs TITLE).
    disagreeing = report.tokens.tokens * (1 - report.tokens.observed)
    assert disagreeing == pytest.approx(1)


def test_span_without_its_proclitic_still_labels_the_word(
    store: Store, add_article, label_span
) -> None:
    add_article("a1", "التقى الوزير وخالد أيت الطالب.")
    label_span("a1", "amina", "خالد أيت الطالب", "PERSON")
    label_span("a1", "karim", "وخالد أيت الطالب", "PERSON")

    report = agreement(store, "amina", "karim")

    assert report.exact.matched == 0
    assert report.overlap.matched == 1
    assert report.tokens.observed == 1.0


def test_relations_match_on_type_and_both_ends(two_analysts: Store) -> None:
    report = agreement(two_analysts, "amina", "karim")

    assert (report.relations.matched, report.relations.a, report.relations.b) == (1, 2, 2)
    assert [r.type for r in report.relation_types] == ["HAS_TITLE"]


def test_worst_article_comes_first(two_analysts: Store) -> None:
    rows = agreement(two_analysts, "amina", "karim").per_article

    assert [row.article_id for row in rows] == ["meeting", "notice"]
    assert rows[0].exact_f1 == pytest.approx(6 / 13)
    assert rows[0].overlap_f1 == pytest.approx(8 / 13)
    assert (rows[0].spans_a, rows[0].spans_b) == (6, 7)
    assert rows[1].exact_f1 == 1.0
    assert rows[1].kappa == pytest.approx(1.0)


def test_label_filter_compares_one_label_against_everything_else(two_analysts: Store) -> None:
    report = agreement(two_analysts, "amina", "karim", label="TITLE")

    a, b = oracle_task(two_analysts, "TITLE")
    assert [item.label for item in report.labels] == ["TITLE"]
    assert (report.exact.matched, report.exact.a, report.exact.b) == (1, 2, 2)
    assert report.tokens.kappa == pytest.approx(nltk_kappa(a, b))
    assert report.relations.a == 2  # both HAS_TITLE relations end on a TITLE


def test_agreement_can_be_limited_to_some_articles(two_analysts: Store) -> None:
    report = agreement(two_analysts, "amina", "karim", article_ids=["notice"])

    assert report.articles == 1
    assert report.exact.f1 == 1.0


def test_report_is_json_ready(two_analysts: Store) -> None:
    data = agreement(two_analysts, "amina", "karim").to_dict()

    assert data["exact"]["f1"] == pytest.approx(10 / 17)
    assert data["per_article"][0]["article_id"] == "meeting"
    assert data["labels"][0]["label"] == "PERSON"
    assert set(data["tokens"]) == {"tokens", "observed", "kappa", "alpha"}


def test_unknown_annotator_is_named_in_the_error(two_analysts: Store) -> None:
    with pytest.raises(InputError, match=r"'nadia'.*amina, karim"):
        agreement(two_analysts, "amina", "nadia")


def test_empty_layers_agree_and_kappa_is_undefined(store: Store, add_article) -> None:
    from annotator.core.actions import SetStatus

    add_article("a1", "نص بلا كيانات.")
    SetStatus("a1", "amina", "done").apply(store)
    SetStatus("a1", "karim", "done").apply(store)

    report = agreement(store, "amina", "karim")

    assert report.articles == 1
    assert report.exact.f1 == 1.0
    assert report.tokens.kappa is None
    assert report.tokens.alpha is None


def test_kappa_and_alpha_of_a_small_table_match_the_oracles() -> None:
    a = ["X"] * 6 + ["Y"] * 3 + ["Z"]
    b = ["X"] * 4 + ["Y"] * 2 + ["Y"] * 2 + ["Z", "Z"]
    confusion: dict[tuple[str, str], int] = {}
    for x, y in zip(a, b, strict=True):
        confusion[x, y] = confusion.get((x, y), 0) + 1

    assert cohen_kappa(confusion) == pytest.approx(nltk_kappa(a, b))
    assert krippendorff_alpha(confusion) == pytest.approx(package_alpha(a, b))


ARABIC_TEXT = st.text(
    alphabet=st.sampled_from(list("وزارة الصحة،.٪%0123 \n\u064e\u0651😀ab-'")), max_size=80
)


@given(ARABIC_TEXT)
def test_fast_token_bounds_are_the_words_of_text_tokens(text: str) -> None:
    starts, ends = token_bounds(text)

    assert list(zip(starts, ends, strict=True)) == [(t.start, t.end) for t in tokens(text)]


@pytest.mark.parametrize("path", sorted(DATA.glob("*.txt")), ids=lambda p: p.stem)
def test_token_bounds_of_the_sample_articles_are_their_tokens(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _UNUSUAL.search(text) is None  # the fast path: str.split, not the regex
    starts, ends = token_bounds(text)

    assert list(zip(starts, ends, strict=True)) == [(t.start, t.end) for t in tokens(text)]


def run(store: Store, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(store.path), *args])


def test_agreement_command_prints_f1_kappa_and_the_worst_article(two_analysts: Store) -> None:
    result = run(two_analysts, "agreement", "amina", "karim")

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "amina (reference) vs karim: 2 article(s) both worked on"
    assert "F1 0.588  (5 matched; 8 by amina, 9 by karim)" in lines[1]
    worst = lines.index("worst articles (exact F1, overlap F1, kappa, spans by each):")
    assert lines[worst + 1].startswith("  meeting  0.462  0.615")
    assert lines[worst + 2].startswith("  notice  1.000  1.000  1.000")


def test_agreement_command_json_for_one_label(two_analysts: Store) -> None:
    result = run(two_analysts, "agreement", "amina", "karim", "--json", "--label", "TITLE")

    assert result.exit_code == 0, result.output
    data = orjson.loads(result.stdout)
    assert (data["label"], data["exact"]["matched"], data["overlap"]["matched"]) == ("TITLE", 1, 2)


def test_agreement_command_names_an_unknown_annotator_and_exits_2(two_analysts: Store) -> None:
    result = run(two_analysts, "agreement", "amina", "nadia")

    assert result.exit_code == 2
    assert "no annotator 'nadia'" in result.stderr


def test_agreement_reports_progress_to_a_window_worker(two_analysts: Store) -> None:
    seen: list[tuple[int, int]] = []

    agreement(
        two_analysts, "amina", "karim", progress=lambda done, total: seen.append((done, total))
    )

    assert seen == [(2, 2)]
