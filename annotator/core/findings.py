"""The one registry of quality-check codes, and the findings they produce.

Codes never change meaning once shipped (tests, exports and the window refer to them);
a retired check keeps its code reserved. E = error (the data is wrong), W = warning (the
data is probably wrong, or against the guideline), I = info.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any, Literal, NamedTuple

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


class LabelName(str):
    """A label name in a message parameter: the Arabic message shows its Arabic name."""


class Counted(NamedTuple):
    label: LabelName
    times: int


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    severity: Severity
    message_en: str
    message_ar: str
    article_id: str
    annotator: str | None = None
    start: int | None = None
    end: int | None = None
    span_id: int | None = None

    def message(self, language: str = "en") -> str:
        return self.message_ar if language == "ar" else self.message_en

    def format(self, language: str = "en") -> str:
        """``article_id:start-end: W002 [warning] annotator: message`` (one line)."""
        where = self.article_id
        if self.start is not None and self.end is not None:
            where += f":{self.start}-{self.end}"
        who = f"{self.annotator}: " if self.annotator else ""
        return f"{where}: {self.code} [{self.severity}] {who}{self.message(language)}"

    def __str__(self) -> str:
        return self.format()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def finding(
    code: str,
    schema: Schema,
    article_id: str,
    annotator: str | None = None,
    start: int | None = None,
    end: int | None = None,
    span_id: int | None = None,
    params: Mapping[str, object] | None = None,
) -> Finding:
    """Render the registry's templates for one place."""
    check = CHECKS[code]
    en, ar = _messages(code, schema, tuple(sorted((params or {}).items())))
    return Finding(
        code,
        check.severity,
        en,
        ar,
        article_id,
        annotator,
        start,
        end,
        span_id,
    )


_rendered: dict[tuple[str, int, tuple[tuple[str, object], ...]], tuple[str, str]] = {}


def _messages(code: str, schema: Schema, params: tuple[tuple[str, object], ...]) -> tuple[str, str]:
    """Both messages; cached, since one surface and label recur in many findings."""
    key = (code, id(schema), params)
    found = _rendered.get(key)
    if found is None:
        check = CHECKS[code]
        found = (
            check.en.format(**{k: _show(v, schema, "en") for k, v in params}),
            check.ar.format(**{k: _show(v, schema, "ar") for k, v in params}),
        )
        if len(_rendered) > 10_000:
            _rendered.clear()
        _rendered[key] = found
    return found


def _show(value: object, schema: Schema, language: str) -> str:
    if isinstance(value, LabelName) and language == "ar":
        try:
            return schema.label(value).ar
        except KeyError:
            return str(value)
    if isinstance(value, Counted):
        return f"{_show(value.label, schema, language)} ×{value.times}"
    if isinstance(value, tuple):
        return ("، " if language == "ar" else ", ").join(_show(v, schema, language) for v in value)
    return str(value)
