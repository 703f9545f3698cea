"""Snapping selections to span bounds per the span boundary guideline."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from annotator.core.text.folding import fold
from annotator.core.text.snapping import (
    _SEPARATORS,
    _UNUSUAL,
    PROCLITICS,
    Snapper,
    _clear_outer_proclitic,
    _key,
    _word_at,
    _words,
    vocabulary,
)
from annotator.core.text.tokens import tokens

DATA = Path(__file__).resolve().parents[1] / "data"
SAMPLES = sorted(DATA.glob("*.txt"))
BRIEFING = "000_df08c50dd71f35aa"  # the minister's meeting: names, titles, a date


@cache
def article(stem: str) -> str:
    return (DATA / f"{stem}.txt").read_text(encoding="utf-8")


@cache
def snapper(stem: str) -> Snapper:
    return Snapper(article(stem))


def selection(text: str, surface: str) -> tuple[int, int]:
    """Offsets of the first occurrence of `surface`, as an analyst would select it."""
    start = text.find(surface)
    assert start >= 0, surface
    return start, start + len(surface)


def snapped_text(
    stem: str, surface: str, *, exact: bool = False, label: str | None = None
) -> str | None:
    text = article(stem)
    bounds = snapper(stem).snap(*selection(text, surface), exact=exact, label=label)
    return None if bounds is None else text[bounds[0] : bounds[1]]


# -- the guideline's examples on the real articles -------------------------------------


def test_conjunction_before_a_name_is_left_out_of_the_span() -> None:
    assert snapped_text(BRIEFING, "وخالد أيت الطالب") == "خالد أيت الطالب"
    assert snapped_text(BRIEFING, "وغيثة مزور") == "غيثة مزور"


@pytest.mark.parametrize(
    ("stem", "surface"),
    [
        (BRIEFING, "وزير الداخلية"),
        (BRIEFING, "فبراير"),
        (BRIEFING, "بلاغ"),
        (BRIEFING, "لفتيت"),
        (BRIEFING, "وتيرة"),
        (BRIEFING, "كل"),
        ("001_3fd0202d721c1fee", "كورونا"),
        ("003_fa3b66aff1b8cfbb", "وزارة الاقتصاد"),
        ("003_fa3b66aff1b8cfbb", "فيروس"),
        ("001_3fd0202d721c1fee", "لجنة اليقظة"),
    ],
)
def test_words_that_begin_with_a_proclitic_letter_keep_it(stem: str, surface: str) -> None:
    assert snapped_text(stem, surface) == surface


def test_article_stays_in_the_span_when_a_proclitic_is_left_out() -> None:
    assert snapped_text(BRIEFING, "بالانتقال الرقمي") == "الانتقال الرقمي"
    assert snapped_text(BRIEFING, "والمؤسسات العمومية") == "المؤسسات العمومية"


def test_lam_meeting_the_article_loses_only_the_first_lam() -> None:
    # The brief's article has no «للإدارات»; the ministry's guide (003) does.
    assert snapped_text("003_fa3b66aff1b8cfbb", "للإدارات العمومية") == "لإدارات العمومية"


def test_conjunction_before_a_number_is_left_out() -> None:
    assert snapped_text("003_fa3b66aff1b8cfbb", "و2020/2") == "2020/2"


def test_conjunction_written_apart_is_left_out() -> None:
    assert snapped_text("003_fa3b66aff1b8cfbb", "و أنواعه") == "أنواعه"


def test_only_the_first_word_loses_its_proclitic() -> None:
    surface = "وخالد أيت الطالب، وزير الصحة والحماية الاجتماعية"
    assert snapped_text(BRIEFING, surface) == surface[1:]


# -- selections that need snapping -----------------------------------------------------


def test_selection_cutting_words_snaps_outward_to_word_edges() -> None:
    assert snapped_text(BRIEFING, "زيز أخن") == "عزيز أخنوش"


def test_selection_cutting_into_a_proclitic_word_still_leaves_the_proclitic_out() -> None:
    assert snapped_text(BRIEFING, "الد أيت الطا") == "خالد أيت الطالب"


def test_reversed_selection_gives_the_same_span() -> None:
    text = article(BRIEFING)
    start, end = selection(text, "وخالد أيت الطالب")
    assert snapper(BRIEFING).snap(end, start) == snapper(BRIEFING).snap(start, end)


def test_surrounding_spaces_and_arabic_comma_are_trimmed() -> None:
    assert snapped_text(BRIEFING, " عزيز أخنوش، ") == "عزيز أخنوش"
    assert snapped_text(BRIEFING, "الداخلية، ") == "الداخلية"


def test_alt_selection_keeps_the_exact_characters_but_not_outer_whitespace() -> None:
    assert snapped_text(BRIEFING, " وخالد أيت الطا", exact=True) == "وخالد أيت الطا"
    assert snapped_text(BRIEFING, "لفتيت، ", exact=True) == "لفتيت،"


def test_selection_without_a_word_gives_no_span() -> None:
    text = article(BRIEFING)
    comma = text.find("، ")
    assert snapper(BRIEFING).snap(comma, comma + 2) is None
    assert snapper(BRIEFING).snap(comma, comma + 2, exact=True) is None
    assert snapper(BRIEFING).snap(5, 5) is None


def test_emoji_before_the_span_keeps_code_point_offsets() -> None:
    text = "🎉📰 " + article(BRIEFING)
    start, end = selection(text, "وخالد أيت الطالب")
    bounds = Snapper(text).snap(start, end)
    assert bounds == (start + 1, end)
    assert text[bounds[0] : bounds[1]] == "خالد أيت الطالب"


def test_words_with_diacritics_snap_as_whole_words() -> None:
    assert snapped_text(BRIEFING, "كَّل هذا") == "شَكَّل هذا"
    assert snapped_text(BRIEFING, "والمُرتَفِقين") == "المُرتَفِقين"


def test_diacritics_are_ignored_when_weighing_the_article_evidence() -> None:
    # «مرسوم» is in no lexicon; its bare occurrence elsewhere shows that و is a proclitic.
    text = "صدر مرسوم جديد، ومَرسُومٌ آخر"
    start, end = selection(text, "ومَرسُومٌ آخر")
    bounds = Snapper(text).snap(start, end)
    assert bounds is not None
    assert text[bounds[0] : bounds[1]] == "مَرسُومٌ آخر"
    kept = "قال وَزِيرُ الداخلية"
    bounds = Snapper(kept).snap(*selection(kept, "وَزِيرُ الداخلية"))
    assert bounds is not None
    assert kept[bounds[0] : bounds[1]] == "وَزِيرُ الداخلية"


def test_unknown_word_without_evidence_keeps_its_first_letter() -> None:
    # Conservative: nothing says that «بوسكورة» is ب + «وسكورة», so the analyst decides.
    text = "زار الوزير بوسكورة أمس"
    bounds = Snapper(text).snap(*selection(text, "بوسكورة"))
    assert bounds == selection(text, "بوسكورة")


# -- numbers and units -----------------------------------------------------------------


def test_quantity_keeps_its_percent_sign() -> None:
    stem = "002_ecb47ca094aa79d5"
    assert snapped_text(stem, "100", label="QUANTITY") == "100%"
    assert snapped_text(stem, "100% ") == "100%"
    assert snapped_text(stem, "نسبة 100% من", label="MEASURE") == "نسبة 100% من"


def test_quantity_keeps_a_unit_sign_written_after_a_space() -> None:
    text = "بلغت النسبة 75 % هذا العام"
    start, end = selection(text, "75")
    bounds = Snapper(text).snap(start, end, label="QUANTITY")
    assert bounds is not None
    assert text[bounds[0] : bounds[1]] == "75 %"


def test_decimal_number_is_one_word() -> None:
    text = "ميزانية 3.5 مليار درهم"
    bounds = Snapper(text).snap(*selection(text, "3."))
    assert bounds == selection(text, "3.5")


def test_hyphenated_latin_word_is_one_word() -> None:
    text = article("004_81546bfa6dedc7c9")
    bounds = snapper("004_81546bfa6dedc7c9").snap(*selection(text, "partici"))
    assert bounds == selection(text, "E-participation")


# -- the helpers the window and the checks use -----------------------------------------


def test_double_click_selects_the_whole_word() -> None:
    text = article(BRIEFING)
    start, end = selection(text, "لفتيت")
    assert snapper(BRIEFING).word_bounds(start + 2) == (start, end)
    assert snapper(BRIEFING).word_bounds(end) == (start, end)  # far edge of the last letter
    assert snapper(BRIEFING).word_bounds(text.find("، ") + 1) is None


def test_proclitic_length_tells_the_checks_what_to_leave_out() -> None:
    text = article(BRIEFING)
    s = snapper(BRIEFING)
    assert s.proclitic_length(text.find("وخالد")) == 1
    assert s.proclitic_length(text.find("والمؤسسات")) == 1
    assert s.proclitic_length(text.find("بالانتقال")) == 1
    assert s.proclitic_length(text.find("وزير")) == 0
    assert s.proclitic_length(text.find("خالد")) == 0  # the span already leaves it out
    guide = article("003_fa3b66aff1b8cfbb")
    assert snapper("003_fa3b66aff1b8cfbb").proclitic_length(guide.find("للإدارات")) == 1
    assert snapper("003_fa3b66aff1b8cfbb").proclitic_length(guide.find("ولضمان")) == 2


def test_cuts_word_flags_spans_that_end_or_start_inside_a_word() -> None:
    text = article(BRIEFING)
    s = snapper(BRIEFING)
    start, end = selection(text, "عزيز أخنوش")
    assert not s.cuts_word(start, end)
    assert s.cuts_word(start + 1, end)
    assert s.cuts_word(start, end - 1)
    # A span that leaves the proclitic out is not a cut; one that cuts «وزير» is.
    assert not s.cuts_word(*selection(text, "خالد أيت الطالب"))
    wazir = text.find("وزير")
    assert s.cuts_word(wazir + 1, wazir + 4)


def test_every_word_of_the_sample_articles_snaps() -> None:
    keep = {"وزير", "وزارة", "فبراير", "بلاغ", "لفتيت", "كورونا", "وتيرة", "كل", "لقاء", "بين"}
    for path in SAMPLES:
        text = path.read_text(encoding="utf-8")
        s = Snapper(text)
        for token in tokens(text):
            bounds = s.snap(token.start, token.end)
            assert bounds is not None, (path.name, token.text)
            assert not s.cuts_word(*bounds)
            assert s.word_bounds(token.start) is not None
            if token.text in keep:
                assert bounds == (token.start, token.end), (path.name, token.text)


# -- properties over any text ----------------------------------------------------------

PIECES = [
    *"وفبلكالخدزيرمنتأإآؤئةى",  # letters, the proclitics among them
    *"\u064e\u064f\u0650\u0651\u0652\u0640",  # tashkeel and tatweel
    *"0129٣%٪$aZé-.,،؛'_",  # digits, units, Latin, punctuation
    *" \u00a0\n\u200d\u200f\u0301",  # spaces, joiner, RLM, a combining accent
    "😀",
    *["وخالد", "خالد", "للإدارات", "بالانتقال", "وَزِير", "و2020", "بـ100", "100%", "E-x", "3.5"],
]


@st.composite
def text_and_selection(draw: st.DrawFn) -> tuple[str, int, int]:
    # Whole words among the letters, so that the proclitic rules meet their evidence.
    text = "".join(draw(st.lists(st.sampled_from(PIECES), max_size=30)))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(0, len(text)))
    return text, start, end


@given(
    text_and_selection(),
    st.booleans(),
    st.sampled_from([None, "QUANTITY", "PERSON"]),
)
def test_snapping_any_selection_gives_trimmed_bounds_and_is_idempotent(
    case: tuple[str, int, int], exact: bool, label: str | None
) -> None:
    text, start, end = case
    s = Snapper(text)
    bounds = s.snap(start, end, exact=exact, label=label)
    if bounds is None:
        return
    span_start, span_end = bounds
    assert 0 <= span_start < span_end <= len(text)
    chosen = text[span_start:span_end]
    assert chosen == chosen.strip()
    assert s.snap(span_start, span_end, exact=exact, label=label) == bounds
    if not exact:
        assert not s.cuts_word(span_start, span_end)


@given(text_and_selection())
def test_a_word_read_between_spaces_is_the_word_read_from_the_whole_text(
    case: tuple[str, int, int],
) -> None:
    text, pos, _ = case
    words = _words(text)
    expected = next((w for w in words if w[0] <= pos < w[1]), None)
    assert _word_at(text, pos) == expected


def _arabic(words: set[str]) -> set[str]:
    return {word for word in words if all("\u0621" <= c <= "\u064a" for c in word)}


# Where the fast vocabulary may cut differently from _words: runs of quotes, underscores,
# tatweel, joiners and marks («و'َو»), and hyphens joining Latin (neither makes an Arabic
# key that a proclitic decision looks up).
_ODD_RUNS = re.compile("['_\u0640\u200c\u200d\u064b-\u0652\u0301]{2}|[a-zA-Zé]-|-[a-zA-Zé]")


@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_the_vocabulary_holds_each_arabic_word_of_the_text_by_its_key(text: str) -> None:
    assume(not _ODD_RUNS.search(text))
    keys = {_key(text[start:end]) for start, end in _words(text)}
    assert _arabic(vocabulary(text)) == _arabic(keys)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_the_vocabulary_of_the_sample_articles_is_their_words_keys(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    keys = _arabic({_key(text[start:end]) for start, end in _words(text)})
    assert len(keys) > 100
    assert _arabic(vocabulary(text)) == keys


@given(
    st.lists(st.sampled_from(PIECES), max_size=30).map("".join),
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=3).map("".join),
)
def test_looking_a_word_up_agrees_with_the_vocabulary(text: str, probe: str) -> None:
    snapper, words = Snapper(text), vocabulary(text)
    for key in {*words, _key(probe), "و" + _key(probe), "ال" + _key(probe)}:
        if key and not any(ch.isspace() or ch in _SEPARATORS for ch in key):
            assert snapper.has_word(key) == (key in words), key


@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_an_article_is_told_usual_from_its_odd_characters_as_from_its_folded_text(
    text: str,
) -> None:
    usual = _UNUSUAL.search(fold(text)) is None
    assert (Snapper(text)._vocabulary is None) == usual


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_the_sample_articles_are_told_usual_or_not_as_their_folded_text_says(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    usual = _UNUSUAL.search(fold(text)) is None
    assert (Snapper(text)._vocabulary is None) == usual


@given(
    st.lists(st.sampled_from(PIECES), max_size=30).map("".join),
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=3).map("".join),
)
def test_a_word_after_a_clear_proclitic_is_found_in_one_search_as_by_looking_each_up(
    text: str, probe: str
) -> None:
    snapper, words = Snapper(text), vocabulary(text)
    for key in {*words, *(word[1:] for word in words), _key(probe)}:
        expected = any(
            _clear_outer_proclitic(p + key) and snapper.has_word(p + key) for p in PROCLITICS
        )
        assert snapper._whole_in_article(key) == expected, key
