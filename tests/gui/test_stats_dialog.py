"""A reviewer opens the statistics, reads the charts and saves them as a picture."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from annotator.core.store import Store
from annotator.gui.stats_dialog import BarChart, StatsDialog
from tests.conftest import add_span

FIRST = "000_df08c50dd71f35aa"


@pytest.fixture
def labelled(gui_store: Store) -> Store:
    """amina and karim on the first sample: they agree on the person, not on the place."""
    for annotator, place in (("amina", "LOC"), ("karim", "ORG")):
        add_span(gui_store, FIRST, annotator, "عزيز أخنوش", "PERSON")
        add_span(gui_store, FIRST, annotator, "المملكة", place)
    add_span(gui_store, FIRST, "amina", "رئيس الحكومة", "TITLE")
    return gui_store


def open_dialog(qtbot: QtBot, store: Store, language: str = "en") -> StatsDialog:
    dialog = StatsDialog(store, language=language)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.job is None)  # the agreement worker has reported
    return dialog


def bars(dialog: StatsDialog, name: str) -> list[tuple[str, float]]:
    chart = dialog.findChild(BarChart, name)
    assert chart is not None, name
    return [(bar.name, bar.value) for bar in chart.bars]


def test_counts_per_label_annotator_and_status_are_charted(qtbot: QtBot, labelled: Store) -> None:
    dialog = open_dialog(qtbot, labelled)

    assert bars(dialog, "chartPerLabel") == [
        ("Person", 2),
        ("Title", 1),
        ("Institution", 1),
        ("Place", 1),
    ]
    assert bars(dialog, "chartPerAnnotator") == [("amina", 3), ("karim", 2)]
    assert bars(dialog, "chartPerStatus") == [("in_progress", 2)]
    summary = dialog.findChild(QLabel, "statsSummary")
    assert summary.text() == "5 articles, 5 spans, 0 relations"


def test_agreement_per_label_is_computed_off_the_gui_thread(qtbot: QtBot, labelled: Store) -> None:
    dialog = open_dialog(qtbot, labelled)

    assert dialog.findChild(QComboBox, "agreementA").currentText() == "amina"
    assert dialog.findChild(QComboBox, "agreementB").currentText() == "karim"
    assert dict(bars(dialog, "chartAgreementF1")) == {
        "Person": 1.0,
        "Title": 0.0,
        "Institution": 0.0,
        "Place": 0.0,
    }
    text = dialog.findChild(QLabel, "agreementSummary").text()
    assert text.startswith("amina vs karim: 1 articles, span F1 0.400")


def test_picking_the_same_annotator_twice_asks_for_two(qtbot: QtBot, labelled: Store) -> None:
    dialog = open_dialog(qtbot, labelled)

    dialog.b.setCurrentText("amina")

    assert dialog.findChild(QLabel, "agreementSummary").text() == "Choose two different annotators."
    assert bars(dialog, "chartAgreementKappa") == []


def test_label_names_follow_the_interface_language(qtbot: QtBot, labelled: Store) -> None:
    dialog = open_dialog(qtbot, labelled, language="ar")

    assert [name for name, _ in bars(dialog, "chartPerLabel")] == [
        "شخص",
        "صفة/منصب",
        "مؤسسة",
        "مكان",
    ]


def test_charts_are_saved_as_png(
    qtbot: QtBot, labelled: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "stats.png"
    monkeypatch.setattr(StatsDialog, "ask_png_path", classmethod(lambda cls, parent: str(target)))
    dialog = open_dialog(qtbot, labelled)

    qtbot.mouseClick(dialog.findChild(QPushButton, "savePng"), Qt.MouseButton.LeftButton)

    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_labels_disagreed_on_most_come_first_with_their_kinds(
    qtbot: QtBot, labelled: Store
) -> None:
    add_span(labelled, FIRST, "karim", "الحكومة", "ORG")  # inside amina's title: paired with it
    dialog = open_dialog(qtbot, labelled)
    chart = dialog.findChild(BarChart, "chartDisagreements")
    assert [(bar.name, bar.value, bar.parts) for bar in chart.bars] == [
        ("Institution", 2, ((1.0, "label"), (1.0, "bounds_label"))),
        ("Place", 1, ((1.0, "label"),)),
        ("Title", 1, ((1.0, "bounds_label"),)),
    ]
    assert set(chart.styles) >= {"only_a", "only_b", "label", "bounds"}
