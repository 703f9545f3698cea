"""The article list's pages: span counts and statuses per annotator, filters, paging."""

from __future__ import annotations

from annotator.core.actions import SetStatus
from annotator.core.store.listing import article_page, article_row
from tests.conftest import add_span

FIRST = "000_df08c50dd71f35aa"


def test_pages_follow_rowid_without_gaps_or_repeats(store, add_article):
    for n in range(25):
        add_article(f"a{n:02d}", f"مقال {n}")
    seen: list[str] = []
    after = 0
    while page := article_page(store, "amina", after_rowid=after, limit=7):
        seen.extend(row.id for row in page)
        after = page[-1].rowid
    assert seen == [f"a{n:02d}" for n in range(25)]


def test_rows_count_only_this_annotators_live_spans(sample_store):
    add_span(sample_store, FIRST, "amina", "عزيز أخنوش", "PERSON")
    add_span(sample_store, FIRST, "amina", "رئيس الحكومة", "TITLE")
    add_span(sample_store, FIRST, "karim", "المملكة", "LOC")
    row = article_row(sample_store, "amina", FIRST)
    assert (row.span_count, row.status) == (2, "in_progress")
    assert article_row(sample_store, "karim", FIRST).span_count == 1
    assert article_row(sample_store, "nobody", FIRST).status == "new"


def test_status_filter_counts_untouched_articles_as_new(sample_store):
    add_span(sample_store, FIRST, "amina", "عزيز أخنوش", "PERSON")
    SetStatus(FIRST, "amina", "done").apply(sample_store)
    done = article_page(sample_store, "amina", status="done")
    new = article_page(sample_store, "amina", status="new")
    assert [r.id for r in done] == [FIRST]
    assert len(new) == 4
    assert FIRST not in {r.id for r in new}


def test_query_ignores_diacritics_and_combines_with_status(sample_store):
    assert [r.id for r in article_page(sample_store, "amina", query="شكل")] == [FIRST]
    assert article_page(sample_store, "amina", query="شكل", status="done") == []
    assert article_page(sample_store, "amina", query="  ") != []  # blank: no filter
    assert article_page(sample_store, "amina", query="!!!") == []
