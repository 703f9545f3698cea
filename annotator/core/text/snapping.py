"""Snapping a selection to span bounds per the guideline: whole words, no proclitic, no edges."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import cached_property, lru_cache

from pyarabic import araby

from annotator.core.text.folding import FoldedText, fold_char, normalise_for_search
from annotator.core.text.tokens import NEWS_PUNCTUATION, blank_out

TATWEEL = "\u0640"
PROCLITICS = frozenset("وفبلك")
# A conjunction may carry a preposition after it (وب، فل…); nothing else stacks.
_PREFIXES = ("وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك")
_CONJUNCTIONS = frozenset("وف")
_PREPOSITIONS = frozenset("بلك")
_HAMZA_ALEF = frozenset("أإآ")
_JOINERS = frozenset("\u200c\u200d")  # ZWNJ and ZWJ sit inside words in Arabic and Persian.
_HYPHENS = frozenset("-\u2010\u2011")
_DECIMAL_MARKS = frozenset(".,\u066b\u066c")
_UNIT_SIGNS = frozenset("%\u066a\u2030\u2031°")
_UNIT_GAP = frozenset(" \u00a0\u202f")  # "100 %" is one quantity when the label says so.
# Suffixed pronouns, so that «وزارته» and «بلاغه» are found through «وزارة» and «بلاغ».
_PRONOUN_SUFFIXES = ("هما", "هم", "هن", "ها", "كم", "نا", "ه")

# Whole words that begin with a proclitic letter (none of them is a proclitic plus a word),
# mostly from the sample articles and Moroccan/Algerian administrative news.
_WHOLE_WORDS = """
وزير وزيرة وزراء وزارة وزارات وطن وطني وطنية وكالة وكالات وكيل وكيلة والي ولاة ولاية ولايات
وثيقة وثائق وتيرة وضع وضعية وقت وقف وقع وفق وفقا وفد وفاة وحدة وحدات وظيفة وظائف وقاية
وسيط وساطة وسيلة وسائل وسائط وسط وصف وصول وصولا ورش ورشة ورقة واقع واحد واحدة واسع واسعة
واضح واضحة واجب وجه وجهة وعي وعد ولد والد والدة والدين ولوج ودادية وباء وجدة وهران واشنطن
فبراير فترة فريق فرق فرع فروع فرص فرصة فرنسا فيروس فيروسات فضلا فضاء فقط فورا في فيه فئة فئات
فكرة فعل فعلا فعلي فعلية فعال فعالية فصل فقرة فلاحة فلاحي فلسطين فاتورة فندق فيضانات فيدرالية
فاس فنلندا فاطمة فؤاد فوزي فريد فيصل فتاح
بلاغ بلاغات برنامج برامج بلد بلدان بلاد بلادنا بلدية بلديات بعد بعض بين بيان بيانات بيع بيئة
بنية بناء بند بنود بنك بنوك بحث بحوث برلمان برلماني برلمانية بطاقة بطالة بطولة بورصة بوابة
بريد برقية بلوغ بالغ بالغة بالون بريس بلجيكا بريطانيا بولندا باريس بروكسيل برلين بكين برشيد
بشرى بشير بلال بوريطة بنكيران بنموسى
لجنة لجان لفتيت لقاء لقاءات لقاح لقاحات لدى لدي لكن لغة لائحة لوائح لوحة لبنان ليبيا لقب
لباس لجوء لطيفة لبنى لحسن لمياء لقجع
كورونا كوفيد كل كلمة كلمات كاتب كاتبة كتاب كتابة كبير كبيرة كان كانت كما كون كاهل كامل كاملة
كافة كفاءة كفاءات كلفة كلية كهرباء كراء كرسي كوارث كندا كريم كمال كوثر
"""

# Words that often follow a conjunction at the start of a span (names, titles, bodies);
# finding one after the candidate proclitic is evidence that it is one.
_STEMS = """
خالد غيثة عزيز محمد أحمد مصطفى عبد يوسف سعيد حسن نادية أمينة مريم إدريس عمر عثمان رشيد
رئيس رئيسة رئاسة مدير مديرة مديرية عامل أمين مستشار نائب سفير مندوب مفتش
حكومة مجلس مؤسسة مؤسسات إدارة إدارات جماعة هيئة مصلحة مكتب
"""


# Words repeat across articles: the checks build a Snapper (every word's key) per article.
@lru_cache(maxsize=65_536)
def _key(text: str) -> str:
    """The form words are compared in: no tashkeel, tatweel or other marks; one alef."""
    folded = normalise_for_search(text)
    return "".join(ch for ch in folded if not unicodedata.category(ch).startswith("M"))


def _lexicon(words: str) -> frozenset[str]:
    return frozenset(_key(word) for word in words.split())


_WHOLE_KEYS = _lexicon(_WHOLE_WORDS)
_KNOWN_KEYS = _WHOLE_KEYS | _lexicon(_STEMS)


def _known(key: str, lexicon: frozenset[str] = _KNOWN_KEYS) -> bool:
    if key in lexicon:
        return True
    for suffix in _PRONOUN_SUFFIXES:
        base = key.removesuffix(suffix)
        if base == key or len(base) < 3:
            continue
        # Teh marbuta turns into teh before a suffix: «وزارته» is «وزارة» + «ه».
        if base in lexicon or (base.endswith("ت") and base[:-1] + "ه" in lexicon):
            return True
    return False


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() and ch != TATWEEL


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M")


def _is_arabic_letter(ch: str) -> bool:
    return "\u0621" <= ch <= "\u064a" and ch != TATWEEL


@lru_cache(maxsize=4_096)
def _is_latin(ch: str) -> bool:
    return ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN")


def _letters(word: str) -> list[tuple[str, int]]:
    """The word's letters without tashkeel, tatweel and marks, each with its index in `word`
    (a presentation-form ligature gives two letters at one index)."""
    out: list[tuple[str, int]] = []
    for i, ch in enumerate(word):
        if ch == TATWEEL or _is_mark(ch) or ch in _JOINERS:
            continue
        out.extend((c, i) for c in unicodedata.normalize("NFKC", ch) if not _is_mark(c))
    return out


def _joins(text: str, left_end: int, right_start: int) -> bool:
    """Whether the gap between two pyarabic tokens still lies inside one word."""
    gap = text[left_end:right_start]
    if gap.isspace():
        return False  # the usual gap, decided at once (whitespace is no mark, joiner or sign)
    if all(_is_mark(ch) or ch in _JOINERS for ch in gap):
        return True  # marks pyarabic's pattern leaves out (maddah, hamza above, Latin accents)
    if len(gap) != 1:
        return False
    before, after = text[left_end - 1], text[right_start]
    if gap in _HYPHENS:
        # E-participation, COVID-19: hyphenated Latin is one word; Arabic كوفيد-19 is two.
        return (_is_latin(before) or _is_latin(after)) and (
            before.isalnum() and after.isalnum() and not (before.isdigit() and after.isdigit())
        )
    return gap in _DECIMAL_MARKS and before.isdigit() and after.isdigit()  # 3.5, 5,000


def _words(text: str, start: int = 0, stop: int | None = None) -> list[tuple[int, int]]:
    """Word bounds in text[start:stop]: pyarabic's tokens, trimmed of quotes and
    underscores, joined where the tokenizer split one word (marks, hyphenated Latin,
    decimals). No word crosses white space, so any stretch between spaces can be read
    alone."""
    stop = len(text) if stop is None else stop
    words: list[tuple[int, int]] = []
    # The matches of text.tokens() (pyarabic's tokenize_with_location), without building a
    # dict and a Token per word.
    for match in araby.TOKEN_PATTERN_SPLIT.finditer(text, start, stop):
        start, end = match.span()
        while start < end and not _is_word_char(text[start]):
            start += 1
        while end > start and text[end - 1] in "'_":
            end -= 1
        if start == end:
            continue
        while end < stop and _is_mark(text[end]):
            end += 1
        if words and _joins(text, words[-1][1], start):
            words[-1] = (words[-1][0], end)
        else:
            words.append((start, end))
    return words


def _word_at(text: str, pos: int) -> tuple[int, int] | None:
    """Bounds of the word with start <= pos < end, read from the stretch of text between
    the spaces around pos only (checks ask about a few places in each of many articles)."""
    if not 0 <= pos < len(text) or text[pos].isspace():
        return None
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    stop = pos + 1
    while stop < len(text) and not text[stop].isspace():
        stop += 1
    for bounds in _words(text, start, stop):
        if bounds[0] <= pos < bounds[1]:
            return bounds
    return None


_SEPARATORS = NEWS_PUNCTUATION
_SPACES = " \n\t\r\f\v"
# Anything but word characters that need no second look (Arabic letters after folding,
# digits, lowercase ASCII), common white space and those separators.
_UNUSUAL = re.compile(
    f"[^\u0621-\u063a\u0641-\u064a\u0660-\u0669{re.escape(_SPACES)}0-9a-z{re.escape(_SEPARATORS)}]"
)
# A word in key form, as _words cuts it: a letter or digit at both ends, quotes and
# underscores only inside; joiners between two such pieces join them into one word.
_KEY_CORE = "[^\\W_](?:[\\w']*[^\\W_])?"
_KEY_WORD = re.compile(f"{_KEY_CORE}(?:[\u200c\u200d]+{_KEY_CORE})*")
_BREAKS = frozenset(_SEPARATORS + _SPACES)  # what ends a word in the usual article


@lru_cache(maxsize=4_096)
def _folds_unusual(ch: str) -> bool:
    """Whether ``ch`` folds to anything the usual article lacks (see _UNUSUAL)."""
    return _UNUSUAL.search(fold_char(ch)) is not None


def vocabulary(text: str) -> set[str]:
    """The article's words in key form (see _key).

    Folded as one string and cut in C: tokenising a 3,000-character article word by word
    in Python costs half a millisecond, too much for checks over 100,000 articles. Arabic
    words come out as their keys; words joined by a hyphen or a decimal mark come out in
    pieces, which no proclitic decision asks about."""
    folded = normalise_for_search(text)
    if _UNUSUAL.search(folded) is None:
        # The usual article: words are the runs between spaces once punctuation is one.
        return set(blank_out(folded, _SEPARATORS).split())
    marks = {ch for ch in set(_UNUSUAL.findall(folded)) if _is_mark(ch)}
    if marks:
        folded = folded.translate(dict.fromkeys(map(ord, marks)))
    return set(_KEY_WORD.findall(folded))


@lru_cache(maxsize=65_536)
def _proclitic_candidates(word: str) -> tuple[str, tuple[tuple[str, str, str, int], ...]]:
    """The word's key, and each prefix it may start with as (prefix, rest of its letters,
    key of the rest, code points the prefix takes): what the article's words do not
    change, worked out once for every article the word occurs in."""
    letters = _letters(word)
    plain = "".join(c for c, _ in letters)
    if len(plain) < 2 or plain[0] not in PROCLITICS:
        return "", ()
    whole = _key(word)
    if _known(whole, _WHOLE_KEYS):
        return whole, ()
    candidates = []
    for prefix in _PREFIXES:
        n = len(prefix)
        if not plain.startswith(prefix) or len(plain) <= n:
            continue
        if letters[n - 1][1] == letters[n][1]:
            continue  # the boundary would split a ligature
        boundary = letters[n][1]  # marks and tatweel after the proclitic go with it
        candidates.append((prefix, plain[n:], _key(word[boundary:]), boundary))
    return whole, tuple(candidates)


def _is_unit_sign(ch: str) -> bool:
    return ch in _UNIT_SIGNS or unicodedata.category(ch) == "Sc"


class Snapper:
    """Built once per article text. Its word list and vocabulary are made when first
    needed: checks ask only about a few span edges in each article."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._proclitic_cache: dict[str, int] = {}

    @cached_property
    def _words(self) -> list[tuple[int, int]]:
        return _words(self.text)

    @cached_property
    def _starts(self) -> list[int]:
        return [start for start, _ in self._words]

    @cached_property
    def folded(self) -> FoldedText:
        """The article folded once (quality checks search it too)."""
        return FoldedText(self.text)

    @cached_property
    def _vocabulary(self) -> set[str] | None:
        """The article's words in key form, or None for the usual article: there the folded
        text is the key form, and a few lookups in it cost less than cutting every word."""
        if not any(map(_folds_unusual, self.folded.odd)):
            return None
        return vocabulary(self.text)

    def has_word(self, key: str) -> bool:
        """Whether a word of the article has this key (see _key)."""
        words = self._vocabulary
        if words is not None:
            return key in words
        return self._stands_alone(key)

    def _stands_alone(self, key: str, after: frozenset[str] = frozenset()) -> bool:
        """Whether ``key`` is a word of the folded text, between white space, separators or
        its ends; given ``after``, whether one of those letters and then ``key`` is.

        Most keys are not in the article at all, found so in one search in C."""
        # Folding a character at a time gives the key form here: no marks are left that
        # could compose across characters (the article would be unusual), tashkeel is gone.
        if not key or not _BREAKS.isdisjoint(key):
            return False
        text = self.folded.folded
        at = text.find(key)
        while at >= 0:
            end = at + len(key)
            start = at - 1 if after else at
            if (
                (end == len(text) or text[end] in _BREAKS)
                and (not after or (start >= 0 and text[start] in after))
                and (start == 0 or text[start - 1] in _BREAKS)
            ):
                return True
            at = text.find(key, at + 1)
        return False

    # -- words -------------------------------------------------------------------------

    def word_bounds(self, pos: int) -> tuple[int, int] | None:
        """Bounds of the word containing pos (for double-click), or None."""
        bounds = _word_at(self.text, pos)
        if bounds is None and pos > 0:
            bounds = _word_at(self.text, pos - 1)  # a click on the far edge of the last letter
        return bounds

    def cuts_word(self, start: int, end: int) -> bool:
        """True if start or end lies strictly inside a word (quality check).

        A start right after a proclitic the guideline strips («و|خالد») is not a cut."""
        start, end = sorted((start, end))
        for pos, is_start in ((start, True), (end, False)):
            bounds = _word_at(self.text, pos)
            if bounds is None or pos == bounds[0]:
                continue
            if is_start and pos == bounds[0] + self._proclitic_in_word(bounds):
                continue
            return True
        return False

    # -- proclitics --------------------------------------------------------------------

    def proclitic_length(self, start: int) -> int:
        """How many leading characters of the word starting at code point `start` are a
        proclitic per the guideline (0 if none). Used by quality checks.

        A `start` inside a word counts what is left of its proclitic: 0 right after it."""
        bounds = _word_at(self.text, start)
        if bounds is None:
            return 0
        boundary = bounds[0] + self._proclitic_in_word(bounds)
        return max(0, boundary - start)

    def _proclitic_in_word(self, bounds: tuple[int, int]) -> int:
        word = self.text[bounds[0] : bounds[1]]
        if word not in self._proclitic_cache:
            self._proclitic_cache[word] = self._decide_proclitic(word)
        return self._proclitic_cache[word]

    def _decide_proclitic(self, word: str) -> int:
        """Characters of `word` that are a proclitic; conservative, 0 when unsure."""
        whole, candidates = _proclitic_candidates(word)
        if not candidates or self._whole_in_article(whole):
            return 0
        for prefix, rest, rest_key, boundary in candidates:
            if self._is_proclitic(prefix, rest, rest_key):
                return boundary
        return 0

    def _whole_in_article(self, key: str) -> bool:
        """Whether the article has the word with a proclitic that can only be one before
        it («ووزير» makes «وزير» a whole word)."""
        before = _outer_proclitics(key)
        if not before:
            return False
        words = self._vocabulary
        if words is not None:
            return any(p + key in words for p in before)
        return self._stands_alone(key, after=before)

    def _is_proclitic(self, prefix: str, rest: str, rest_key: str) -> bool:
        first = rest[0]
        if first.isdigit() or _is_latin(first):
            return True  # و2020/2, بـ100: no Arabic word goes on in digits or Latin
        if not all(_is_arabic_letter(c) for c in rest) or not rest_key:
            return False
        size = len(rest)
        if prefix[-1] == "ل":
            # ل + ال drops the alef: «للإدارات» is ل + «لإدارات».
            if first == "ل" and size >= 3:
                return True
        elif rest_key.startswith("ال") and size >= 4:
            return True  # the article stays in the span: «بالانتقال» → «الانتقال»
        if first in _HAMZA_ALEF and size >= 4:
            return True  # no word starts with و/ف/ب/ل/ك + hamza on alef and goes on this long
        standalone = self.has_word(rest_key)
        if size >= 4:
            return (
                standalone
                or _known(rest_key)
                or self.has_word("ال" + rest_key)  # the rest also occurs as a noun
            )
        # Short rests need strong evidence: a known word that also stands alone here, or
        # a letter that cannot follow the prefix (so the prefix is clearly not the word's).
        return _known(rest_key) and (standalone or _cannot_follow(prefix[-1], first))

    # -- snapping ----------------------------------------------------------------------

    def snap(
        self, start: int, end: int, *, exact: bool = False, label: str | None = None
    ) -> tuple[int, int] | None:
        """Turn a selection (code point offsets, end exclusive, either order allowed) into
        span bounds, or None when no word character remains.

        exact=True (analyst held Alt): only trim leading/trailing whitespace (and invisible
        format characters). Otherwise: snap outward to whole words, leave out outer
        whitespace and punctuation except a unit sign on a number («100%»), drop a detached
        leading «و», and strip a proclitic from the first word when it really is one."""
        text = self.text
        start, end = sorted((max(0, min(start, len(text))), max(0, min(end, len(text)))))
        if exact:
            while start < end and _is_blank(text[start]):
                start += 1
            while end > start and _is_blank(text[end - 1]):
                end -= 1
            if not any(_is_word_char(ch) for ch in text[start:end]):
                return None
            return start, end

        if start >= end:
            return None
        # The words the selection touches, however little of them.
        first = bisect_right(self._starts, start) - 1
        if first < 0 or self._words[first][1] <= start:
            first += 1
        last = bisect_right(self._starts, end - 1) - 1
        if first > last:
            return None
        quantity = label == "QUANTITY"

        # A proclitic written apart («و أنواعه») is not part of the span either.
        while first < last and self._is_detached_proclitic(first):
            first += 1
        span_start = self._words[first][0]
        span_end = self._words[last][1]

        if text[span_start].isdigit():
            sign_before = span_start > 0 and _is_unit_sign(text[span_start - 1])
            if sign_before and (quantity or start < span_start):
                span_start -= 1
        else:
            span_start += self._proclitic_in_word(self._words[first])

        if text[span_end - 1].isdigit() and span_end < len(text):
            after = text[span_end]
            if _is_unit_sign(after) and (quantity or end > span_end):
                span_end += 1
            elif (
                quantity
                and after in _UNIT_GAP
                and span_end + 1 < len(text)
                and _is_unit_sign(text[span_end + 1])
            ):
                span_end += 2
        return span_start, span_end

    def _is_detached_proclitic(self, i: int) -> bool:
        start, end = self._words[i]
        plain = "".join(c for c, _ in _letters(self.text[start:end]))
        return plain in PROCLITICS


def _is_blank(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch) == "Cf"


def _cannot_follow(prefix_letter: str, letter: str) -> bool:
    """True when `letter` cannot be a proclitic stacked after `prefix_letter`
    (only و/ف + ب/ل/ك stack, and ل + ل is the article), so it belongs to the word."""
    if letter in _CONJUNCTIONS:
        return True
    if letter in _PREPOSITIONS:
        return prefix_letter not in _CONJUNCTIONS and not (prefix_letter == letter == "ل")
    return False


@lru_cache(maxsize=65_536)
def _outer_proclitics(key: str) -> frozenset[str]:
    """The proclitics p for which p + key is a _clear_outer_proclitic word."""
    return frozenset(p for p in PROCLITICS if _clear_outer_proclitic(p + key))


def _clear_outer_proclitic(key: str) -> bool:
    """A word like «ووزير» or «لوزارة»: its first letter is a proclitic and its second
    cannot be one, so the rest («وزير», «وزارة») is attested as a whole word."""
    if len(key) < 3 or key[0] not in PROCLITICS:
        return False
    if key.startswith("بو"):
        return False  # Maghrebi names: بوريطة، بوعزة
    return _cannot_follow(key[0], key[1])


def word_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of every word of the text as snapping cuts them (the one notion of a
    word that spans, checks and token exports share)."""
    return _words(text)
