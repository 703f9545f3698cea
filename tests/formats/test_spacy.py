"""The spaCy exports loaded by spaCy itself: the JSONL rebuilt with Doc(words, spaces) on
spacy.blank("ar"), the .spacy file read back and checked by `spacy debug data`, and the
CoNLL file converted by `spacy convert`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from annotator.core.actions import AddRelation, AddSpan, SetAttribute
from annotator.core.formats.exporters import export
from annotator.core.formats.token_cover import cover_tokens
from annotator.core.store import Store
from tests.conftest import insert_article
from tests.formats.samples import label_samples

spacy = pytest.importorskip("spacy")  # CI installs spaCy (the dev extra), so this runs there
from spacy.tokens import Doc, DocBin  # noqa: E402

# Emoji before the spans, a CRLF the importer made LF, no-break spaces, runs of spaces.
HARD = "🙂🙂 وخالد  أيت الطالب،\u00a0وزير (الصحة)\n\n100%\u00a0 كوفيد-19 «التلقيح»"


def records(path: Path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


@pytest.fixture
def hard_store(store: Store) -> Store:
    insert_article(store, "hard", HARD)
    person = AddSpan("hard", "amina", HARD.index("خالد"), HARD.index("،"), "PERSON").apply(store)
    title = AddSpan("hard", "amina", HARD.index("وزير"), HARD.index(")") + 1, "TITLE").apply(store)
    AddSpan("hard", "amina", HARD.index("الصحة"), HARD.index(")"), "ORG").apply(store)
    measure = AddSpan("hard", "amina", HARD.index("التلقيح"), HARD.index("»"), "MEASURE").apply(
        store
    )
    SetAttribute(measure.span_ids[0], "status", "in_force").apply(store)
    AddRelation("HAS_TITLE", person.span_ids[0], title.span_ids[0]).apply(store)
    return store


def test_spacy_jsonl_rebuilds_every_text_exactly_and_every_span_is_a_token_range(
    store: Store, tmp_path: Path
) -> None:
    label_samples(store)
    insert_article(store, "hard", HARD)
    AddSpan("hard", "amina", HARD.index("خالد"), HARD.index("،"), "PERSON").apply(store)
    out = tmp_path / "spacy.jsonl"
    export(store, out, "spacy")
    nlp = spacy.blank("ar")
    texts = {a: store.article(a).text for a in store.article_ids()}  # type: ignore[union-attr]
    for record in records(out):
        words = [t["text"] for t in record["tokens"]]
        doc = Doc(nlp.vocab, words=words, spaces=[t["ws"] for t in record["tokens"]])
        assert doc.text == record["text"] == texts[record["meta"]["id"]]
        for span in record["spans"]:
            tokens = doc[span["token_start"] : span["token_end"] + 1]
            assert (tokens.start_char, tokens.end_char) == (span["start"], span["end"])
            assert tokens.text == span["text"]


def test_the_proclitic_stays_out_of_the_spacy_span(hard_store: Store, tmp_path: Path) -> None:
    out = tmp_path / "spacy.jsonl"
    export(hard_store, out, "spacy")
    (record,) = records(out)
    person = record["spans"][0]
    tokens = record["tokens"][person["token_start"] : person["token_end"] + 1]
    assert [t["text"] for t in tokens] == ["خالد", " ", "أيت", "الطالب"]
    before = record["tokens"][person["token_start"] - 1]
    assert (before["text"], before["ws"]) == ("و", False)


def test_only_a_single_trailing_space_is_whitespace(hard_store: Store, tmp_path: Path) -> None:
    text = "أ  ب\u00a0ج\nد ه"
    tokens = cover_tokens(text)
    shown = [(text[t.start : t.end], t.ws) for t in tokens]
    assert shown == [
        ("أ", True),
        (" ", False),
        ("ب", False),
        ("\u00a0", False),
        ("ج", False),
        ("\n", False),
        ("د", True),
        ("ه", False),
    ]


def test_nested_spans_go_to_the_span_group_outer_ones_to_entities(
    hard_store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "spacy.jsonl"
    report = export(hard_store, out, "spacy")
    (record,) = records(out)
    by_id = {s["id"]: s for s in record["spans"]}
    assert [by_id[i]["label"] for i in record["ents"]] == ["PERSON", "TITLE", "MEASURE"]
    assert (
        report.warnings["spans nested in or crossing another: in the span group, not entities"] == 1
    )
    (relation,) = record["relations"]
    assert relation["label"] == "HAS_TITLE"
    assert relation["head"] == relation["head_span"]["token_end"]


def test_docbin_reads_back_with_spans_entities_and_user_data(store: Store, tmp_path: Path) -> None:
    counts = label_samples(store)
    out = tmp_path / "train.spacy"
    export(store, out, "docbin")
    nlp = spacy.blank("ar")
    docs = list(DocBin().from_disk(out).get_docs(nlp.vocab))
    assert len(docs) == counts.articles
    assert sum(len(doc.spans["sc"]) for doc in docs) == counts.spans
    assert sum(len(doc.user_data["relations"]) for doc in docs) == counts.relations
    assert (
        sum(len(a) for doc in docs for a in doc.user_data["attributes"].values())
        == counts.attributes
    )
    for doc in docs:
        assert doc.text == store.article(doc.user_data["article_id"]).text  # type: ignore[union-attr]
        assert all(
            not a.start < b.end <= a.end or b.start >= a.start
            for a in doc.ents
            for b in doc.ents
            if a is not b
        )
        assert {(e.start, e.end) for e in doc.ents} <= {(s.start, s.end) for s in doc.spans["sc"]}


def test_spacy_debug_data_reads_the_docbin(store: Store, tmp_path: Path) -> None:
    label_samples(store)
    out = tmp_path / "train.spacy"
    export(store, out, "docbin")
    config = tmp_path / "config.cfg"
    run = [sys.executable, "-m", "spacy"]
    subprocess.run(
        [*run, "init", "config", "-l", "ar", "-p", "spancat,ner", str(config)],
        check=True,
        capture_output=True,
    )
    result = subprocess.run(
        [*run, "debug", "data", str(config), "--paths.train", str(out), "--paths.dev", str(out)],
        capture_output=True,
        text=True,
    )
    assert "Corpus is loadable" in result.stdout, result.stdout + result.stderr
    assert "5 training docs" in result.stdout
    # Five articles are too few to train on, spaCy's only complaint; none about the data.
    errors = [line for line in result.stdout.splitlines() if "✘" in line]
    assert len(errors) == 2
    assert "Low number of examples to train a new pipeline (5)" in errors[0]
    assert "1 error" in errors[1]


def test_spacy_convert_reads_the_conll_export(store: Store, tmp_path: Path) -> None:
    counts = label_samples(store)
    out = tmp_path / "ner.conll"
    report = export(store, out, "conll")
    subprocess.run(
        [sys.executable, "-m", "spacy", "convert", "-c", "ner", str(out), str(tmp_path)],
        check=True,
        capture_output=True,
    )
    nlp = spacy.blank("ar")
    docs = list(DocBin().from_disk(tmp_path / "ner.spacy").get_docs(nlp.vocab))
    assert len(docs) == counts.articles  # one per -DOCSTART-, none holding the word itself
    assert all(doc[0].text != "-DOCSTART-" for doc in docs)
    kept = counts.spans - report.dropped["nested or crossing spans (--nested columns keeps them)"]
    assert sum(len(doc.ents) for doc in docs) == kept
