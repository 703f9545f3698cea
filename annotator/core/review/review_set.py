"""The review of a whole set: the articles two layers share, how many disagreements each
still has undecided, where the reviewer stands, and which article comes next."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from annotator.core.review.disagreements import ArticleReview, ItemKey, article_review
from annotator.core.store import Store
from annotator.core.store.sqlite import live


@dataclass(frozen=True, slots=True)
class ArticleProgress:
    article_id: str
    items: int
    undecided: int


def reviewed_articles(store: Store, a: str, b: str) -> list[str]:
    """Articles on which both layers exist, in the article list's order (rowid)."""
    rows = store.execute(
        "SELECT a.id FROM articles a "
        "JOIN layers la ON la.article_id = a.id "
        "JOIN annotators na ON na.id = la.annotator_id AND na.name = ? "
        "JOIN layers lb ON lb.article_id = a.id "
        "JOIN annotators nb ON nb.id = lb.annotator_id AND nb.name = ? "
        f"WHERE {live('a')} AND {live('la')} AND {live('lb')} ORDER BY a.rowid",
        [a, b],
    )
    return [r[0] for r in rows]


def set_progress(
    store: Store, a: str, b: str, progress: Callable[[int, int], None] | None = None
) -> list[ArticleProgress]:
    """Items and undecided items of every article both layers exist on, in list order
    (``progress(done, total)`` every 50 articles: a window's job cancels by raising)."""
    articles = reviewed_articles(store, a, b)
    found = []
    for done, article_id in enumerate(articles, start=1):
        review = article_review(store, article_id, a, b)
        found.append(ArticleProgress(article_id, len(review.items), review.undecided))
        if progress is not None and done % 50 == 0:
            progress(done, len(articles))
    return found


@dataclass(frozen=True)
class Position:
    """Where the reviewer is: "disagreement 4 of 17 in this article, 112 left in the set"."""

    number: int  # 1-based; 0 when no item is current
    of: int
    undecided_here: int
    left_in_set: int | None  # None until the set is counted


def position(
    review: ArticleReview, key: ItemKey | None, set_counts: dict[str, int] | None
) -> Position:
    """The reviewer's place; ``set_counts`` maps article id -> undecided items as counted
    for the whole set (this article's count is taken from ``review``, which is fresher)."""
    at = review.index(key)
    left = None
    if set_counts is not None:
        left = sum(n for aid, n in set_counts.items() if aid != review.article_id)
        left += review.undecided
    return Position(
        0 if at is None else at + 1, len(review.items), review.undecided, left
    )  # fmt: skip


def next_article(
    order: list[str], undecided: dict[str, int], current: str, direction: int = 1
) -> str | None:
    """The next article (or previous, direction -1) in ``order`` with undecided items,
    going round the end of the list; None when no other article has any."""
    if not order:
        return None
    start = order.index(current) if current in order else -1
    n = len(order)
    for step in range(1, n + 1):
        candidate = order[(start + direction * step) % n]
        if candidate != current and undecided.get(candidate, 0) > 0:
            return candidate
    return None


def label_disagreements(
    store: Store, a: str, b: str, progress: Callable[[int, int], None] | None = None
) -> dict[str, Counter[str]]:
    """Span disagreements of the set per label and kind (only_a, label, bounds…): a place
    counts once for each label its two sides have, so a PERSON/TITLE confusion shows under
    both. Which labels the two layers disagree on most, for the statistics dialog."""
    found: dict[str, Counter[str]] = {}
    articles = reviewed_articles(store, a, b)
    for done, article_id in enumerate(articles, start=1):
        review = article_review(store, article_id, a, b)
        for item in review.items:
            if item.is_relation:
                continue
            for label in {s.label for s in review.span_pair(item).sides()}:
                found.setdefault(label, Counter())[item.kind] += 1
        if progress is not None and done % 50 == 0:
            progress(done, len(articles))
    return found
