"""spaCy's binary training format (.spacy, a DocBin), with the optional extra
``annotator[spacy]``: every span in ``doc.spans["sc"]``, entities where spans do not
overlap, attributes, relations and the layer's status in ``doc.user_data``."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from annotator.core.errors import MissingExtraError
from annotator.core.formats.layers import ExportLayer
from annotator.core.formats.output import ExportOptions, ExportReport, Output
from annotator.core.formats.spacy_jsonl import SPAN_KEY, count_nested, outermost, tokenised


def _spacy() -> Any:
    try:
        import spacy
    except ImportError:
        raise MissingExtraError(
            "the docbin format needs spaCy: pip install 'arabic-annotator[spacy]' "
            "(or use --format spacy, JSONL that needs nothing)"
        ) from None
    return spacy


def write_docbin(
    layers: Iterable[ExportLayer], out: Output, report: ExportReport, options: ExportOptions
) -> None:
    """A DocBin is one msgpack blob: its docs are held until the end (about the size of
    the texts and their tokens), unlike the other exports, which stream."""
    spacy = _spacy()
    from spacy.tokens import Doc, DocBin, Span

    vocab = spacy.blank("ar").vocab
    docs = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=True)
    for layer in layers:
        text = layer.text
        tokens, spans, ranges = tokenised(layer)
        doc = Doc(
            vocab,
            words=[text[t.start : t.end] for t in tokens],
            spaces=[t.ws for t in tokens],
        )
        doc.spans[SPAN_KEY] = [
            Span(doc, first, last + 1, label=span.label)
            for span, (first, last) in zip(spans, ranges, strict=True)
        ]
        ents = outermost(spans)
        count_nested(report, len(spans) - len(ents))
        doc.ents = [doc.spans[SPAN_KEY][i] for i in ents]
        index = {span.db_id: i for i, span in enumerate(spans)}
        doc.user_data.update(
            {
                "article_id": layer.article_id,
                "text_sha256": layer.text_sha256,
                "annotator": layer.annotator,
                "status": layer.status,
                "comment": layer.comment,
                # Span i of doc.spans["sc"]: its attributes; relations as [type, head, tail].
                "attributes": {
                    str(i): dict(sorted(s.attributes.items()))
                    for i, s in enumerate(spans)
                    if s.attributes
                },
                "relations": sorted(
                    [t, index[h], index[tl]]
                    for t, h, tl in layer.relations
                    if h in index and tl in index
                ),
            }
        )
        docs.add(doc)
    with out.stream() as fh:
        fh.write(docs.to_bytes())
