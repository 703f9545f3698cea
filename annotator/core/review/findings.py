"""The one registry of quality-check codes, and the findings they produce.

Codes never change meaning once shipped (tests, exports and the window refer to them);
a retired check keeps its code reserved. E = error (the data is wrong), W = warning (the
data is probably wrong, or against the guideline), I = info.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal, NamedTuple, cast

from annotator.core.schema import Schema

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class Check:
    code: str
    severity: Severity
    title: str
    en: str  # message templates; {label}-like fields are label names, shown in Arabic in ar
    ar: str


CHECKS: dict[str, Check] = {
    check.code: check
    for check in (
        Check(
            "W001",
            "warning",
            "span edge on a space or punctuation",
            "span «{surface}» starts or ends on a space or punctuation",
            "حدّ الوسم «{surface}» يقع على فراغ أو علامة ترقيم",
        ),
        Check(
            "W002",
            "warning",
            "span starts with a proclitic",
            "span «{surface}» starts with the proclitic «{proclitic}»",
            "الوسم «{surface}» يبدأ بالسابقة «{proclitic}»",
        ),
        Check(
            "W003",
            "warning",
            "span cuts a word",
            "span «{surface}» cuts a word",
            "الوسم «{surface}» يقطع كلمة",
        ),
        Check(
            "W004",
            "warning",
            "duplicate spans",
            "«{surface}» is labelled {label} {count} times at the same place",
            "«{surface}» موسوم {label} {count} مرات في الموضع نفسه",
        ),
        Check(
            "W005",
            "warning",
            "same surface string labelled differently",
            "«{surface}» is labelled {label} here but {others} elsewhere",
            "«{surface}» موسوم {label} هنا و{others} في مواضع أخرى",
        ),
        Check(
            "W006",
            "warning",
            "surface string labelled in one place and unlabelled elsewhere",
            "«{surface}» is labelled {label} elsewhere in this article but not here",
            "«{surface}» موسوم {label} في موضع آخر من المقال وغير موسوم هنا",
        ),
        Check(
            "W007",
            "warning",
            "MEASURE without status",
            "measure «{surface}» has no status",
            "الإجراء «{surface}» بلا حالة",
        ),
        Check(
            "E008",
            "error",
            "relation whose types the schema does not allow",
            "relation {type} cannot link {head} to {tail}",
            "العلاقة {type} لا تربط {head} بـ{tail}",
        ),
        Check(
            "E009",
            "error",
            "spans on an article whose text hash changed",
            "the text changed after these {count} spans were made; their offsets may be wrong",
            "تغيّر النص بعد وضع هذه الوسوم ({count})؛ قد تكون مواضعها خاطئة",
        ),
        Check(
            "W010",
            "warning",
            "article marked done with no spans",
            "marked done but has no spans",
            "معلَّم كمنجز ولا وسم فيه",
        ),
    )
}


# Message parameters that hold label names (the Arabic message shows their Arabic names);
# "others" holds (label, times) pairs. Parameters stay plain strings, numbers and tuples,
# names and values in turn in one flat tuple: findings cross from worker processes by the
# million, and the fewer objects each has, the faster they pickle (a third, over pairs).
_LABEL_PARAMS = frozenset({"label", "head", "tail"})


class Finding(NamedTuple):
    """One place a check flags. Its messages are rendered when read: a run over 100,000
    articles makes a million findings, and a panel or a report shows a page of them. (A
    tuple, so that rows from worker processes become findings at C speed.)"""

    code: str
    severity: Severity
    article_id: str
    annotator: str | None = None
    start: int | None = None
    end: int | None = None
    span_id: int | None = None
    params: tuple[object, ...] = ()  # ("surface", "…", "label", "PERSON", …)
    schema: Schema | None = None  # for the Arabic names of labels in messages

    @property
    def message_en(self) -> str:
        return self.message("en")

    @property
    def message_ar(self) -> str:
        return self.message("ar")

    def message(self, language: str = "en") -> str:
        return _render(self.code, self.schema, self.params, "ar" if language == "ar" else "en")

    def format(self, language: str = "en") -> str:
        """``article_id:start-end: W002 [warning] annotator: message`` (one line)."""
        where = self.article_id
        if self.start is not None and self.end is not None:
            where += f":{self.start}-{self.end}"
        who = f"{self.annotator}: " if self.annotator else ""
        return f"{where}: {self.code} [{self.severity}] {who}{self.message(language)}"

    def __str__(self) -> str:
        return self.format()

    def __repr__(self) -> str:  # without the schema
        return f"Finding({self.format()!r})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "message_en": self.message_en,
            "message_ar": self.message_ar,
            "article_id": self.article_id,
            "annotator": self.annotator,
            "start": self.start,
            "end": self.end,
            "span_id": self.span_id,
        }


_rendered: dict[tuple[str, int, tuple[object, ...], str], tuple[object, str]] = {}


def _render(code: str, schema: Schema | None, params: tuple[object, ...], language: str) -> str:
    """Cached: one surface and label recur in many findings, and a list repaints often.
    (A schema holds dicts, so it is known by its id, and kept to tell a reused id.)"""
    key = (code, id(schema), params, language)
    cached = _rendered.get(key)
    if cached is not None and cached[0] is schema:
        return cached[1]
    template = CHECKS[code].ar if language == "ar" else CHECKS[code].en
    names, values = cast(tuple[str, ...], params[::2]), params[1::2]
    text = template.format(
        **{k: _show(k, v, schema, language) for k, v in zip(names, values, strict=True)}
    )
    if len(_rendered) > 10_000:
        _rendered.clear()
    _rendered[key] = (schema, text)
    return text


def _show(key: str, value: object, schema: Schema | None, language: str) -> str:
    if key in _LABEL_PARAMS:
        return _label(str(value), schema, language)
    if key == "others":
        pairs = cast(tuple[tuple[str, int], ...], value)
        comma = "، " if language == "ar" else ", "
        return comma.join(f"{_label(label, schema, language)} ×{n}" for label, n in pairs)
    # A surface may span a line break; a finding stays on one line (the CLI prints one a
    # line, the panel one a row).
    return _LINE_BREAK.sub("⏎", str(value))


_LINE_BREAK = re.compile("\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")


def _label(name: str, schema: Schema | None, language: str) -> str:
    if language == "ar" and schema is not None:
        try:
            return schema.label(name).ar
        except KeyError:
            pass
    return name
