"""Every format that reads back, on the sample articles with hand-made labels: what survives
export then import, counted, and for the lossless formats, all of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.store import Store
from tests.formats.roundtrip import content, round_trip
from tests.formats.samples import add_gold, label_samples, stored_counts


@pytest.fixture
def labelled(store: Store) -> Store:
    label_samples(store)
    add_gold(store)
    return store


@pytest.mark.parametrize("fmt", ["jsonl", "labelstudio", "huggingface", "doccano", "brat"])
def test_lossless_formats_give_back_every_span_relation_and_attribute(
    labelled: Store, tmp_path: Path, fmt: str
) -> None:
    with Store(tmp_path / "back.db") as back:
        exported, imported = round_trip(labelled, fmt, tmp_path, back)
        assert not imported.errors, imported.errors
        before, after = content(labelled), content(back)
        if fmt == "brat":
            # brat keeps no workflow status: a labelled layer comes back in progress.
            done = sum(1 for v in before.values() if v[2] != "in_progress")
            assert exported.dropped["layer statuses other than in_progress"] == done == 5
            before = {k: (*v[:2], "in_progress", v[3]) for k, v in before.items()}
        assert after == before
        assert stored_counts(back) == stored_counts(labelled)


def test_conll_keeps_the_outermost_spans_and_counts_the_rest(
    labelled: Store, tmp_path: Path
) -> None:
    with Store(tmp_path / "back.db") as back:
        exported, imported = round_trip(labelled, "conll", tmp_path, back)
        assert not imported.errors, imported.errors
        labelled_spans = stored_counts(labelled).spans
        dropped = exported.dropped["nested or crossing spans (--nested columns keeps them)"]
        assert 0 < dropped < labelled_spans
        # amina's five articles and gold's copy of one, as many layers as there were.
        assert stored_counts(back).spans == labelled_spans - dropped
        assert stored_counts(back).relations == 0
        assert exported.dropped["relations"] == stored_counts(labelled).relations


def test_conll_with_a_column_per_depth_keeps_every_span(labelled: Store, tmp_path: Path) -> None:
    with Store(tmp_path / "back.db") as back:
        exported, imported = round_trip(labelled, "conll", tmp_path, back, nested="columns")
        assert not imported.errors, imported.errors
        assert not exported.dropped.get("nested or crossing spans (--nested columns keeps them)")
        assert stored_counts(back).spans == stored_counts(labelled).spans
