"""Sample article 000 adjudicated from the keyboard alone: two analysts' layers
(tests/fixtures/article_000), one key per disagreement, and gold ends as the span
guideline has it. Prints the keypresses and the time the scripted run took."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.core.models import GOLD, Relation, Span
from annotator.gui.main_window import MainWindow
from tests.fixtures import ARTICLE_000, content, install, read_layer


def _span(span: Span) -> tuple[int, int, str, tuple[tuple[str, str], ...]]:
    return (span.start, span.end, span.label, tuple(sorted(span.attributes.items())))


def _relation(relation: Relation, spans: dict[int, Span]) -> tuple[object, ...]:
    head, tail = spans[relation.head], spans[relation.tail]
    return (relation.type, _span(head)[:3], _span(tail)[:3])


def test_adjudicating_sample_article_000_takes_one_key_per_disagreement(
    qtbot: QtBot, window: MainWindow
) -> None:
    store = window.store
    install(store, "a", "amina")
    install(store, "b", "karim")
    assert window.open_article(ARTICLE_000)
    assert window.article is not None
    expected = read_layer("gold", window.article.text)
    window.open_review("amina", "karim", step=0)
    mode = window.review_mode
    assert mode is not None
    assert mode.review is not None
    disagreements = len(mode.review.items)
    view = window.text_view
    view.setFocus()

    started = time.perf_counter()
    keys = ["Shift+A"]
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)  # all agreed spans
    keys.append("N")
    qtbot.keyClick(view, Qt.Key.Key_N)
    while (item := mode.current_item()) is not None and not item.decided:
        review = mode.review
        assert review is not None
        if item.is_relation:
            rel = review.relation_pair(item)
            sides = (
                ("A", rel.a and _relation(rel.a, review.spans_a)),
                ("B", rel.b and _relation(rel.b, review.spans_b)),
            )
            right = [letter for letter, version in sides if version in expected.relations]
        else:
            pair = review.span_pair(item)
            sides = (("A", pair.a and _span(pair.a)), ("B", pair.b and _span(pair.b)))
            right = [letter for letter, version in sides if version in expected.spans]
            if not right:  # the guideline has nothing here: the side without a span
                right = [letter for letter, version in sides if version is None]
        letter = right[0] if right else "X"
        keys.append(letter)
        qtbot.keyClick(view, {"A": Qt.Key.Key_A, "B": Qt.Key.Key_B, "X": Qt.Key.Key_X}[letter])
    elapsed = time.perf_counter() - started

    assert content(store, GOLD) == expected
    assert mode.review is not None
    assert mode.review.undecided == 0
    # Every disagreement costs at most its one key; some relations follow their ends.
    assert len(keys) <= disagreements + 2
    print(
        f"\narticle 000: {disagreements} disagreements, {len(keys)} keypresses "
        f"({' '.join(keys)}), scripted run {elapsed * 1000:.0f} ms"
    )
