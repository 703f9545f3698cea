"""The window's Export dialog offers every format the exporter writes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog

from annotator.core.formats.exporters import FORMATS
from annotator.gui.dialogs import FileDialogs


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_export_dialog_offers_each_format_and_returns_the_one_picked(
    qtbot, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    offered: list[str] = []

    def pick(parent, title, name, filters):  # the analyst picks the filter at FORMATS' place
        offered.extend(filters.split(";;"))
        return "/chosen/out", offered[FORMATS.index(fmt)]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", pick)
    assert FileDialogs.ask_export_path(None) == ("/chosen/out", fmt)
    assert len(offered) == len(FORMATS)
