"""The command line's format options: the same names as the core's registries, and the
export report with what a format could not carry."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.cli.data import EXPORT_FORMATS, IMPORT_FORMATS
from annotator.core.formats.exporters import FORMATS as WRITERS
from annotator.core.formats.readers import FORMATS as READERS
from annotator.core.store import Store
from tests.formats.samples import label_samples


def test_the_cli_offers_every_format_of_the_core() -> None:
    assert set(IMPORT_FORMATS) == {"auto", *READERS}
    assert set(EXPORT_FORMATS) == set(WRITERS)


def test_export_prints_what_the_format_cannot_carry(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with Store(db) as store:
        label_samples(store)
    runner = CliRunner()
    result = runner.invoke(
        main, ["--db", str(db), "export", "--format", "conll", str(tmp_path / "o.conll")]
    )
    assert result.exit_code == 0, result.output
    assert "not carried by this format: 47 relations" in result.output
    assert (
        "not carried by this format: 86 spans' attributes" not in result.output
    )  # counted per span
    assert "nested or crossing spans (--nested columns keeps them)" in result.output
    result = runner.invoke(
        main, ["--db", str(db), "export", "--format", "labelstudio", str(tmp_path / "tasks.json")]
    )
    assert result.exit_code == 0, result.output
    assert "tasks.label_config.xml" in result.output
    assert "amina@annotators.invalid" in result.output


def test_import_prints_what_it_decided(tmp_path: Path) -> None:
    path = tmp_path / "admin.jsonl"
    path.write_text('{"text": "عزيز أخنوش", "label": [[0, 4, "PERSON"]]}\n', encoding="utf-8")
    result = CliRunner().invoke(
        main, ["--db", str(tmp_path / "t.db"), "import", "--format", "doccano", str(path)]
    )
    assert result.exit_code == 0, result.output
    assert "annotator 'admin' taken from the file name" in result.output


def test_docbin_without_spacy_says_how_to_get_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "t.db"
    with Store(db) as store:
        label_samples(store)
    monkeypatch.setitem(sys.modules, "spacy", None)  # import spacy now raises ImportError
    out = tmp_path / "train.spacy"
    result = CliRunner().invoke(main, ["--db", str(db), "export", "--format", "docbin", str(out)])
    assert result.exit_code == 2
    assert "pip install 'arabic-annotator[spacy]'" in result.output
    assert not out.exists()
