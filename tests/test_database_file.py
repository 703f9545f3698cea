"""The database file itself: damaged, read-only, on a full disk, or from an older version.

Each case gives a StoreError with a message an analyst can act on (never an sqlite3
traceback), and loses nothing that was already stored.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from annotator.core.actions import AddSpan, SetAttribute
from annotator.core.errors import StoreError
from annotator.core.formats.importers import import_paths
from annotator.core.store import Store, migrations
from annotator.core.store import sqlite as store_module
from annotator.core.store.migrations import LATEST
from tests.conftest import insert_article

TEXT = "عقد عزيز أخنوش، رئيس الحكومة، اجتماعا حول التدابير الاحترازية"


def labelled_database(path: Path, articles: int = 1) -> Path:
    """A database an analyst worked on: articles, a person and a measure with attributes."""
    with Store(path) as store:
        for i in range(articles):
            insert_article(store, f"a{i}", f"{TEXT} {i} " + "نص طويل " * 60)
        AddSpan("a0", "amina", 4, 14, "PERSON").apply(store)
        AddSpan("a0", "amina", 42, 61, "MEASURE", {"status": "in_force"}).apply(store)
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_refused_untouched(path: Path, message: str) -> None:
    before = digest(path)
    with pytest.raises(StoreError, match=message) as caught:
        Store(path)
    assert str(path) in str(caught.value)
    assert digest(path) == before
    # The failed open closed its connection: no journal files are left beside the file.
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name)) == [
        path.name
    ]


# -- files that are not (or no longer) a database ----------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"id": "a1", "text": "\xd9\x86\xd8\xb5"}\n', "not an SQLite database"),
        (b"SQLite format 3\x00" + b"\xa5" * 4000, "not a database"),
        (b"SQLite format 3\x00", "not a database"),
    ],
    ids=["an exported JSONL", "SQLite header then garbage", "only the SQLite header"],
)
def test_a_file_that_is_not_a_database_is_refused_untouched(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "chosen by mistake.db"
    path.write_bytes(content)
    assert_refused_untouched(path, message)


def test_a_database_cut_in_half_is_refused_untouched(tmp_path: Path) -> None:
    whole = labelled_database(tmp_path / "whole.db", articles=300)
    half = tmp_path / "half.db"
    data = whole.read_bytes()
    half.write_bytes(data[: len(data) // 2])
    assert_refused_untouched(half, "damaged")


@pytest.mark.parametrize("where", ["second page", "middle pages", "last page"])
def test_a_database_with_garbage_pages_is_refused_untouched(tmp_path: Path, where: str) -> None:
    """Damage anywhere is found when the file is opened, not when the analyst reaches it."""
    path = labelled_database(tmp_path / "damaged.db", articles=300)
    data = bytearray(path.read_bytes())
    page = 4096
    pages = len(data) // page
    first = {"second page": 1, "middle pages": pages // 2, "last page": pages - 1}[where]
    garbage = bytes((i * 37 + 11) % 256 for i in range(page))
    for number in range(first, min(first + 3, pages)):
        data[number * page : (number + 1) * page] = garbage
    path.write_bytes(bytes(data))
    assert_refused_untouched(path, "damaged")


def test_integrity_check_reports_damage_found_while_open_instead_of_raising(
    tmp_path: Path,
) -> None:
    path = labelled_database(tmp_path / "a.db", articles=300)
    with Store(path) as store:
        assert store.integrity_check() == "ok"
        pages = path.stat().st_size // 4096
        with path.open("r+b") as fh:  # the disk damages the file under the open store
            fh.seek(pages // 2 * 4096)
            fh.write(bytes((i * 37 + 11) % 256 for i in range(3 * 4096)))
        store.conn.execute("PRAGMA shrink_memory")  # forget the pages read before
        assert "malformed" in store.integrity_check()


# -- read-only files and folders ---------------------------------------------------------


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make a file or folder read-only for this process, also when the tests run as root
    (root ignores permission bits, but not an immutable file)."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        chattr = shutil.which("chattr")
        if chattr is None or subprocess.run([chattr, "+i", str(path)]).returncode != 0:
            pytest.skip("root, and this filesystem has no chattr +i: nothing is read-only to root")
        try:
            yield
        finally:
            subprocess.run([chattr, "-i", str(path)], check=True)
        return
    mode = path.stat().st_mode
    path.chmod(mode & ~0o222)
    try:
        yield
    finally:
        path.chmod(mode)


def test_a_read_only_database_file_is_refused_untouched(tmp_path: Path) -> None:
    path = labelled_database(tmp_path / "shared.db")
    with read_only(path):
        assert_refused_untouched(path, "read-only")
    with Store(path) as store:  # made writable again, everything is there
        assert len(store.spans("a0")) == 2


def test_a_database_in_a_read_only_folder_is_refused_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "usb stick"
    folder.mkdir()
    path = labelled_database(folder / "work.db")
    with read_only(folder):
        assert_refused_untouched(path, "folder .* is read-only")


def test_a_write_sqlite_refuses_is_a_store_error_and_writes_nothing(tmp_path: Path) -> None:
    """The file turning read-only under an open store (simulated with query_only)."""
    path = labelled_database(tmp_path / "a.db")
    with Store(path) as store:
        store.conn.execute("PRAGMA query_only = ON")
        with pytest.raises(
            StoreError, match="the file is read-only; nothing of this change was saved"
        ):
            AddSpan("a0", "amina", 16, 28, "TITLE").apply(store)
        store.conn.execute("PRAGMA query_only = OFF")
        assert len(store.spans("a0")) == 2
        AddSpan("a0", "amina", 16, 28, "TITLE").apply(store)  # the analyst goes on
        assert len(store.spans("a0")) == 3


# -- a full disk -------------------------------------------------------------------------


def label_until_full(store: Store, attempts: int = 400) -> tuple[int, StoreError]:
    """Add measures with long notes until the disk is full: (spans saved, the error)."""
    for saved in range(attempts):
        try:
            # One action: the span and its note arrive together or not at all.
            note = f"{saved} " + "ملاحظة " * 300
            AddSpan("a0", "amina", 4, 14, "MEASURE", {"note": note}).apply(store)
        except StoreError as exc:
            return saved, exc
    pytest.fail(f"the disk never filled up in {attempts} actions")


def count(store: Store, table: str) -> int:
    return int(store.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_a_full_disk_refuses_the_change_clearly_and_keeps_every_saved_label(
    tmp_path: Path,
) -> None:
    """Simulated with max_page_count: SQLite answers SQLITE_FULL exactly as on a full disk."""
    path = labelled_database(tmp_path / "a.db")
    with Store(path) as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 20}")
        saved, error = label_until_full(store)
        assert "the disk is full; nothing of this change was saved" in str(error)
        assert str(path) in str(error)
        assert saved > 0
        # Every saved action is whole; the refused one left no span and no note behind.
        assert len(store.spans("a0")) == 2 + saved
        assert count(store, "span_attributes") == 1 + saved
        assert count(store, "actions") == 2 + saved
        # Space freed: the analyst goes on in the same window.
        store.conn.execute(f"PRAGMA max_page_count = {pages * 100}")
        first_measure = next(s for s in store.spans("a0") if s.label == "MEASURE")
        SetAttribute(first_measure.id, "status", "decided").apply(store)
    with Store(path) as reopened:
        assert reopened.integrity_check() == "ok"
        assert len(reopened.spans("a0")) == 2 + saved


def test_an_import_that_fills_the_disk_leaves_nothing_of_the_file(tmp_path: Path) -> None:
    path = labelled_database(tmp_path / "a.db")
    big = tmp_path / "big.jsonl"
    big.write_text(
        "".join(f'{{"id": "n{i}", "text": "مقال رقم {i} {"نص " * 80}"}}\n' for i in range(3000)),
        encoding="utf-8",
    )
    with Store(path) as store:
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 200}")
        with pytest.raises(StoreError, match="the disk is full"):
            import_paths(store, [big])
        assert store.article_ids() == ["a0"]
        assert len(store.spans("a0")) == 2
    with Store(path) as reopened:
        assert reopened.integrity_check() == "ok"
        assert count(reopened, "articles") == 1


@contextmanager
def tiny_filesystem(mount_point: Path, size: str) -> Iterator[Path]:
    """A real tmpfs of ``size``, when this process may mount one (root on Linux)."""
    mount_point.mkdir()
    mount = shutil.which("mount")
    if (
        mount is None
        or not hasattr(os, "geteuid")
        or os.geteuid() != 0
        or subprocess.run(
            [mount, "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount_point)],
            capture_output=True,
        ).returncode
        != 0
    ):
        pytest.skip("cannot mount a tmpfs here (needs root); the max_page_count test covers it")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", str(mount_point)], check=True)


def test_a_really_full_disk_keeps_every_saved_label(tmp_path: Path) -> None:
    with tiny_filesystem(tmp_path / "disk", "600k") as disk:
        path = labelled_database(disk / "a.db")
        with Store(path) as store:
            saved, error = label_until_full(store)
            assert "the disk is full" in str(error) or "could not be read or written" in str(error)
            assert len(store.spans("a0")) == 2 + saved
        with Store(path) as reopened:
            assert reopened.integrity_check() == "ok"
            assert len(reopened.spans("a0")) == 2 + saved


# -- older schema versions ---------------------------------------------------------------


@contextmanager
def newer_program(monkeypatch: pytest.MonkeyPatch, sqlite_text: str) -> Iterator[None]:
    """Pretend a program with one more migration has shipped (as tests/test_store.py does)."""
    later = migrations.Migration("m999_for_this_test", sqlite_text)
    with monkeypatch.context() as patch:
        patch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, later])
        patch.setattr(store_module, "LATEST", LATEST + 1)
        yield


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def test_an_older_database_is_backed_up_whole_then_migrated_keeping_every_label(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = labelled_database(tmp_path / "old.db")

    add_column = "ALTER TABLE spans ADD COLUMN confidence REAL;"
    with newer_program(monkeypatch, add_column), Store(path) as migrated:
        assert [s.label for s in migrated.spans("a0")] == ["PERSON", "MEASURE"]
        assert migrated.spans("a0")[1].attributes == {"status": "in_force"}
        assert "confidence" in [r[1] for r in migrated.conn.execute("PRAGMA table_info(spans)")]
    backup = tmp_path / f"old.db.v{LATEST}.bak"
    assert user_version(path) == LATEST + 1
    assert user_version(backup) == LATEST
    with Store(backup) as old:  # the backup opens in the older program, labels and all
        assert [s.label for s in old.spans("a0")] == ["PERSON", "MEASURE"]


def test_a_migration_that_fails_leaves_the_database_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = labelled_database(tmp_path / "old.db")

    half_done = "ALTER TABLE spans ADD COLUMN confidence REAL;\nUPDATE no_such_table SET x = 1;"
    with newer_program(monkeypatch, half_done), pytest.raises(StoreError, match=str(path)):
        Store(path)
    assert user_version(path) == LATEST
    with Store(path) as store:
        assert "confidence" not in [r[1] for r in store.conn.execute("PRAGMA table_info(spans)")]
        assert len(store.spans("a0")) == 2
        assert store.integrity_check() == "ok"
