"""Label two sample articles through the core actions, for the README screenshots.

    python docs/screenshots/demo_spans.py DB [ANNOTATOR]

The database must hold the sample articles (python -m annotator --db DB import data/).
Spans go through the same Snapper as the window's keys, so they follow the guideline.
"""

from __future__ import annotations

import sys

from annotator.core.actions import AddRelation, AddSpan
from annotator.core.store import Store
from annotator.core.text.snapping import Snapper

# (article, phrase, occurrence, label, attributes)
SPANS = [
    ("000_df08c50dd71f35aa", "عزيز أخنوش", 0, "PERSON", {}),
    ("000_df08c50dd71f35aa", "رئيس الحكومة", 0, "TITLE", {}),
    ("000_df08c50dd71f35aa", "الحكومة", 0, "ORG", {}),
    ("000_df08c50dd71f35aa", "الأربعاء 02 فبراير 2022", 0, "DATE", {}),
    ("000_df08c50dd71f35aa", "عبد الوافي لفتيت", 0, "PERSON", {}),
    ("000_df08c50dd71f35aa", "وزير الداخلية", 0, "TITLE", {}),
    ("000_df08c50dd71f35aa", "الداخلية", 0, "ORG", {}),
    ("000_df08c50dd71f35aa", "وخالد أيت الطالب", 0, "PERSON", {}),
    ("000_df08c50dd71f35aa", "وزير الصحة والحماية الاجتماعية", 0, "TITLE", {}),
    ("000_df08c50dd71f35aa", "الصحة والحماية الاجتماعية", 0, "ORG", {}),
    ("000_df08c50dd71f35aa", "وغيثة مزور", 0, "PERSON", {}),
    (
        "000_df08c50dd71f35aa",
        "الوزيرة المنتدبة لدى رئيس الحكومة المكلفة بالانتقال الرقمي وإصلاح الإدارة",
        0,
        "TITLE",
        {},
    ),
    ("000_df08c50dd71f35aa", "رئيس الحكومة", 1, "TITLE", {}),
    ("000_df08c50dd71f35aa", "المؤسسات العمومية", 0, "ORG", {}),
    ("000_df08c50dd71f35aa", "المملكة", 0, "LOC", {}),
    (
        "000_df08c50dd71f35aa",
        "التدابير الاحترازية والوقائية ضد كوفيد- 19",
        0,
        "MEASURE",
        {"category": "health", "status": "in_force"},
    ),
    ("000_df08c50dd71f35aa", "كوفيد- 19", 0, "ORG", {}),
    (
        "000_df08c50dd71f35aa",
        "جواز التلقيح",
        0,
        "MEASURE",
        {"category": "health", "status": "in_force", "note": "للولوج إلى الإدارات"},
    ),
    ("004_81546bfa6dedc7c9", "مصطفى الخلفي", 0, "PERSON", {}),
    ("004_81546bfa6dedc7c9", "الأربعاء 24 أكتوبر 2018", 0, "DATE", {}),
    ("004_81546bfa6dedc7c9", "منصة المشاركة المواطنة E-participation", 0, "MEASURE",
     {"category": "digital", "status": "completed"}),
    ("004_81546bfa6dedc7c9", "E-participation", 0, "ORG", {}),
    ("004_81546bfa6dedc7c9", "5000 قرص مضغوط", 0, "QUANTITY", {}),
    ("004_81546bfa6dedc7c9", "الشبكة التواصلية الداخلية للوزارة", 0, "MEASURE",
     {"category": "digital", "status": "planned"}),
    ("004_81546bfa6dedc7c9", "2017-2021", 0, "DATE", {}),
]  # fmt: skip

# Phrases the analyst keeps exactly (Alt): the snapper does not yet know «جواز», so it would
# keep the preposition of «بجواز».
EXACT = {"جواز التلقيح"}

# (article, head phrase, head label, type, tail phrase, tail label)
RELATIONS = [
    ("000_df08c50dd71f35aa", "عزيز أخنوش", "PERSON", "HAS_TITLE", "رئيس الحكومة", "TITLE"),
    ("000_df08c50dd71f35aa", "عبد الوافي لفتيت", "PERSON", "HAS_TITLE", "وزير الداخلية", "TITLE"),
    ("000_df08c50dd71f35aa", "خالد أيت الطالب", "PERSON", "HAS_TITLE", "وزير الصحة والحماية الاجتماعية", "TITLE"),
    ("000_df08c50dd71f35aa", "جواز التلقيح", "MEASURE", "TARGETS", "المؤسسات العمومية", "ORG"),
    ("004_81546bfa6dedc7c9", "منصة المشاركة المواطنة E-participation", "MEASURE", "EFFECTIVE_ON",
     "الأربعاء 24 أكتوبر 2018", "DATE"),
]  # fmt: skip


def main(db: str, annotator: str = "amina") -> None:
    with Store(db) as store:
        for article_id, phrase, occurrence, label, attributes in SPANS:
            article = store.article(article_id)
            if article is None:
                raise SystemExit(f"{db}: no article {article_id}; import data/ first")
            at = -1
            for _ in range(occurrence + 1):
                at = article.text.index(phrase, at + 1)
            bounds = Snapper(article.text).snap(
                at, at + len(phrase), exact=phrase in EXACT, label=label
            )
            assert bounds is not None, phrase
            AddSpan(article_id, annotator, *bounds, label, attributes).apply(store)
        for article_id, head, head_label, kind, tail, tail_label in RELATIONS:
            head_id = _span_id(store, article_id, annotator, head, head_label)
            tail_id = _span_id(store, article_id, annotator, tail, tail_label)
            AddRelation(kind, head_id, tail_id).apply(store)


def _span_id(store: Store, article_id: str, annotator: str, phrase: str, label: str) -> int:
    article = store.article(article_id)
    assert article is not None
    for span in store.spans(article_id, annotator):
        if span.label == label and article.text[span.start : span.end] == phrase:
            return span.id
    raise SystemExit(f"no {label} span {phrase!r}")


if __name__ == "__main__":
    main(*sys.argv[1:])
