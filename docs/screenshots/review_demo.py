"""Two analysts' layers on sample article 000 and a review begun, for the review-mode
screenshots.

    PYTHONPATH=. python docs/screenshots/review_demo.py DB

The database must hold the sample articles (python -m annotator --db DB import data/).
Layers amina (A) and karim (B) are tests/fixtures/article_000 (written for the tests, see
its README); then, as a reviewer would: everything both agree on is accepted into gold,
and the first three disagreements are decided as the span guideline has them.
"""

from __future__ import annotations

import sys

from annotator.core.review.adjudication import decide
from annotator.core.review.disagreements import article_review
from annotator.core.review.gold import accept_agreed
from annotator.core.store import Store
from tests.fixtures import ARTICLE_000, install


def main(db: str) -> None:
    with Store(db) as store:
        install(store, "a", "amina")
        install(store, "b", "karim")
        accept_agreed(store, ARTICLE_000, "amina", "karim").apply(store)
        for _ in range(3):
            review = article_review(store, ARTICLE_000, "amina", "karim")
            item = review.next_undecided(None)
            assert item is not None
            decide(review, item.key, "a").apply(store)  # A follows the guideline on these


if __name__ == "__main__":
    main(*sys.argv[1:])
