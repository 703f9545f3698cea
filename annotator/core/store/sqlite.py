"""The SQLite database file: one connection, explicit transactions, migrations, imports
in progress, and what SQLite's errors mean to the analyst.

Durability: WAL with ``synchronous=FULL``, so a commit is on disk before the caller is
told it is saved (survives a killed process and a power cut). Every write runs in
``with store.write():`` — ``BEGIN IMMEDIATE`` … ``COMMIT`` with rollback on error — so
no reader ever sees half of an action.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from annotator.core.errors import SchemaVersionError, StoreError
from annotator.core.store.migrations import LATEST, pending, statements
from annotator.core.text.folding import normalise_for_search

BUSY_TIMEOUT_MS = 15_000
# Attempts at BEGIN IMMEDIATE when SQLite answers "busy" at once, without waiting (see _begin).
BEGIN_ATTEMPTS = 4

# Rows written by an import that has not finished yet are invisible to everyone.
LIVE = "({t}.import_id IS NULL OR {t}.import_id IN (SELECT id FROM imports WHERE state = 'done'))"


def live(table_alias: str) -> str:
    return LIVE.format(t=table_alias)


def live_article(table_alias: str) -> str:
    """LIVE for articles, asked of the articles_import index rather than of each row:
    import_id comes after the text in a row, so testing it there reads every text. (An
    import_id always names an import: foreign keys are on.)"""
    return (
        f"{table_alias}.rowid NOT IN (SELECT rowid FROM articles WHERE import_id IN "
        "(SELECT id FROM imports WHERE state != 'done'))"
    )


# Small on purpose: keys are whole article texts, and a large cache made an import's memory
# grow by ~50 MB; folding is fast (text.folding.normalise_for_search), repeats are what it saves.
@lru_cache(maxsize=32)
def _norm(text: str | None) -> str:
    return normalise_for_search(text or "")


class SQLiteDatabase:
    """A database file opened for the store: the connection and its transactions."""

    def __init__(self, path: str | Path, *, verify: bool = True) -> None:
        """Open (creating or migrating) the database file; ``verify`` runs quick_check first."""
        self.path = Path(path)
        self._depth = 0
        self.conn = self._connect(verify)
        try:
            self._migrate()
            self.clean_abandoned_imports()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(f"{self.path}: cannot open database: {_explain(exc)}") from exc
        except BaseException:
            self.conn.close()
            raise

    # -- connection and transactions -------------------------------------------------

    def _connect(self, verify: bool) -> sqlite3.Connection:
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a folder, not a database file")
        if self.path.exists():
            _check_sqlite_header(self.path)
        elif not self.path.parent.exists():
            raise StoreError(f"{self.path}: folder {self.path.parent} does not exist")
        _check_writable(self.path)
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(
                self.path,
                isolation_level=None,
                check_same_thread=False,
                timeout=BUSY_TIMEOUT_MS / 1000,
            )
            conn.create_function("annot_norm", 1, _norm, deterministic=True)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # Refuse a newer schema before anything (even the WAL switch) writes to the file.
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            if version > LATEST:
                conn.close()
                raise SchemaVersionError(
                    f"{self.path}: written by a newer version of the program "
                    f"(schema {version}, this program knows up to {LATEST}); it was not changed"
                )
            # A damaged file is refused before anything writes to it (~0.2 s per 100 MB):
            # writing on would spread the damage, and the analyst is told at once, not
            # mid-labelling.
            problem = str(conn.execute("PRAGMA quick_check").fetchone()[0]) if verify else "ok"
            if problem != "ok":
                raise sqlite3.DatabaseError(f"database disk image is malformed: {problem}")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            raise StoreError(f"{self.path}: cannot open database: {_explain(exc)}") from exc
        return conn

    def close(self) -> None:
        self.conn.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: ``BEGIN IMMEDIATE`` takes the write lock before reading, so a
        concurrent writer waits (busy_timeout) instead of failing mid-way. Nested calls
        join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self._begin()
        self._depth = 1
        try:
            yield self.conn
        except BaseException as exc:
            self._depth = 0
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            # The disk, the file or the lock failed (not our SQL): say so in plain words.
            if isinstance(exc, sqlite3.OperationalError) or type(exc) is sqlite3.DatabaseError:
                raise StoreError(
                    f"{self.path}: cannot save: {_explain(exc)}; nothing of this change was saved"
                ) from exc
            raise
        self._depth = 0
        try:
            self.conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise StoreError(
                f"{self.path}: cannot save: {_explain(exc)}; nothing of this change was saved"
            ) from exc

    def _begin(self) -> None:
        """``BEGIN IMMEDIATE``, tried again briefly when SQLite answered "busy" at once.

        While another writer holds the lock, SQLite waits up to busy_timeout by itself. It
        answers SQLITE_BUSY without waiting when this connection's read snapshot predates
        another process's commit (a statement still open on the connection, e.g. in another
        thread) or while another connection recovers the WAL; both pass in moments, so a
        few short retries (50, 100, 200 ms) hide them. A lock held past busy_timeout is not
        retried: the window would freeze for another 15 s; the analyst is told instead.
        """
        for attempt in range(BEGIN_ATTEMPTS):
            started = time.monotonic()
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                waited = time.monotonic() - started
                busy = getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_BUSY
                if not busy or waited >= BUSY_TIMEOUT_MS / 2000 or attempt == BEGIN_ATTEMPTS - 1:
                    raise StoreError(
                        f"{self.path}: cannot save: {_explain(exc)}; nothing of this change was saved"
                    ) from exc
            time.sleep(0.05 * 2**attempt)

    def execute(
        self, sql: str, params: Sequence[object] | Mapping[str, object] = ()
    ) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> sqlite3.Cursor:
        return self.conn.executemany(sql, rows)

    def data_version(self) -> int:
        """Changes when another connection commits (the window polls it to refresh)."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    # -- migrations ------------------------------------------------------------------

    def _migrate(self) -> None:
        try:
            version = int(self.conn.execute("PRAGMA user_version").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a usable database: {exc}") from None
        if version == LATEST:
            return
        if version > 0:
            target = self.path.with_name(f"{self.path.name}.v{version}.bak")
            try:
                self.backup(target)
            except sqlite3.Error as exc:
                raise StoreError(
                    f"{self.path}: cannot write the backup {target.name} before upgrading the "
                    f"database: {_explain(exc)}; the database was not changed"
                ) from exc
        try:
            with self.write():
                for migration in pending(version, LATEST):
                    for statement in statements(migration.sqlite):
                        self.conn.execute(statement)
                # In the same transaction: a migration is applied and recorded, or neither.
                self.conn.execute(f"PRAGMA user_version = {LATEST}")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot prepare database: {exc}") from None

    def backup(self, target: str | Path) -> Path:
        target = Path(target)
        dest = sqlite3.connect(target)
        try:
            self.conn.backup(dest)
        finally:
            dest.close()
        return target

    # -- imports in progress ---------------------------------------------------------

    def begin_import(self, source: str) -> int:
        with self.write():
            cur = self.conn.execute(
                "INSERT INTO imports (source, state, host, pid, started_at) "
                "VALUES (?, 'running', ?, ?, ?)",
                [source, socket.gethostname(), os.getpid(), time.time()],
            )
            return int(cur.lastrowid or 0)

    def finish_import(self, import_id: int) -> None:
        """Call inside the write() that commits the import's last part."""
        self.conn.execute(
            "UPDATE imports SET state = 'done', finished_at = ? WHERE id = ?",
            [time.time(), import_id],
        )

    def abandon_import(self, import_id: int) -> None:
        with self.write():
            self.conn.execute("DELETE FROM imports WHERE id = ? AND state = 'running'", [import_id])

    def clean_abandoned_imports(self) -> int:
        """Delete what imports killed mid-way left behind (their process is gone)."""
        host = socket.gethostname()
        dead = [
            row[0]
            for row in self.conn.execute(
                "SELECT id, host, pid, started_at FROM imports WHERE state = 'running'"
            ).fetchall()
            if row[1] == host and not _process_alive(row[2], row[3]) and row[2] != os.getpid()
        ]
        for import_id in dead:
            self.abandon_import(import_id)
        return len(dead)

    # -- checks of the file ----------------------------------------------------------

    def quick_check(self) -> str:
        """ "ok", or what SQLite's quick_check found wrong (it reads the whole file)."""
        return self._pragma_check("quick_check")

    def integrity_check(self) -> str:
        """The text "ok", or what SQLite found wrong (also when damage stops the check)."""
        return self._pragma_check("integrity_check")

    def _pragma_check(self, pragma: str) -> str:
        try:
            return str(self.conn.execute(f"PRAGMA {pragma}").fetchone()[0])
        except sqlite3.DatabaseError as exc:
            return str(exc)


def _check_sqlite_header(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        raise StoreError(f"{path}: cannot read: {exc.strerror}") from None
    if header and header != b"SQLite format 3\x00":
        raise StoreError(f"{path}: not an SQLite database")


def _check_writable(path: Path) -> None:
    """Refuse a database that could not save the analyst's work, before any is done.
    (os.access also sees an immutable file or folder, even for root.)"""
    if path.exists() and not os.access(path, os.W_OK):
        raise StoreError(
            f"{path}: the file is read-only, so no label could be saved; "
            "make it writable or copy it to a folder of yours"
        )
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise StoreError(
            f"{path}: the folder {path.parent} is read-only (the database needs to keep its "
            "journal files beside it); copy the database to a folder of yours"
        )


# What the analyst can do about an SQLite error, by its primary result code.
_PLAIN_WORDS = {
    sqlite3.SQLITE_BUSY: "the database is busy: another program has been writing to it for too long",
    sqlite3.SQLITE_LOCKED: "the database is busy: another program has been writing to it for too long",
    sqlite3.SQLITE_READONLY: "the file is read-only",
    sqlite3.SQLITE_IOERR: "the disk could not be read or written",
    sqlite3.SQLITE_CORRUPT: "the database file is damaged (restore it from a backup)",
    sqlite3.SQLITE_NOTADB: "the file is not a database, or is damaged",
    sqlite3.SQLITE_FULL: "the disk is full",
    sqlite3.SQLITE_CANTOPEN: "the file cannot be opened (check the folder and permissions)",
    sqlite3.SQLITE_PERM: "permission denied",
}


def _explain(exc: sqlite3.Error) -> str:
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    if "malformed" in str(exc):  # also raised by _connect after quick_check, without a code
        code = sqlite3.SQLITE_CORRUPT
    words = _PLAIN_WORDS.get(code)
    if words is None:
        return str(exc)
    # Damage keeps SQLite's own words too, for whoever restores the file.
    return f"{words} [{exc}]" if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) else words


def _process_alive(pid: int, since: float) -> bool:
    """Whether the process that started an import at ``since`` still runs. After a power
    cut its id may belong to another program, but an import older than the boot is dead."""
    boot = _boot_time()
    if boot is not None and since < boot:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _boot_time() -> float | None:
    """When the machine booted (Unix time), from /proc on Linux; None elsewhere."""
    try:
        for line in Path("/proc/stat").read_text().splitlines():
            if line.startswith("btime "):
                return float(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None
