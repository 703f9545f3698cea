"""Layer rows: an annotator's workflow status on an article, the version that names the
layer's state, and the journal undo restores layer rows from.

Every write to a layer row gives it a version it never had (``last_version`` + 1); undo
gives a restored state back its old number, so equal numbers mean the same state. A new
row starts past the last version of a row of the same layer that undo removed (kept in
``removed_layers``). The statements are plain SQL that PostgreSQL runs as well.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Mapping, Sequence

from annotator.core.errors import StoreError
from annotator.core.models import Layer
from annotator.core.store.sqlite import live

# A layer: (article id, annotator id).
LayerKey = tuple[str, int]
# A layer row as it was before an action (the _JOURNAL_COLUMNS), or None if there was none.
JournalEntry = tuple[str, int, tuple[object, ...] | None]
_JOURNAL_COLUMNS = "status, comment, text_sha256, updated_at, import_id, version"

# The SET clause of every write to a layer row, and the version a new row starts at.
NEXT_VERSION = "version = layers.last_version + 1, last_version = layers.last_version + 1"
FIRST_VERSION = (
    "(SELECT coalesce(max(r.last_version), 0) + 1 FROM removed_layers r "
    "WHERE r.article_id = ? AND r.annotator_id = ?)"
)


def first_version_args(article_id: str, annotator_id: int) -> list[object]:
    """The parameters of FIRST_VERSION twice (version and last_version)."""
    return [article_id, annotator_id, article_id, annotator_id]


class LayerRows:
    """The Store's layer methods (the Store is the only class that mixes them in)."""

    layer_journal: list[JournalEntry] | None

    def execute(
        self, sql: str, params: Sequence[object] | Mapping[str, object] = ()
    ) -> sqlite3.Cursor:
        raise NotImplementedError

    def executemany(self, sql: str, rows: Iterable[Sequence[object]]) -> sqlite3.Cursor:
        raise NotImplementedError

    def annotator_id(self, name: str) -> int:
        raise NotImplementedError

    def layer(self, article_id: str, annotator: str) -> Layer:
        """An annotator's layer of an article; version 0 when there is none yet."""
        row = self.execute(
            "SELECT l.status, l.comment, l.text_sha256, l.version FROM layers l "
            "JOIN annotators n ON n.id = l.annotator_id "
            f"WHERE l.article_id = ? AND n.name = ? AND {live('l')}",
            [article_id, annotator],
        ).fetchone()
        if row is None:
            return Layer(article_id, annotator)
        return Layer(article_id, annotator, *row)

    def layers(self, article_id: str) -> list[Layer]:
        rows = self.execute(
            "SELECT n.name, l.status, l.comment, l.text_sha256, l.version FROM layers l "
            "JOIN annotators n ON n.id = l.annotator_id "
            f"WHERE l.article_id = ? AND {live('l')} ORDER BY n.name",
            [article_id],
        )
        return [Layer(article_id, *row) for row in rows]

    def touch_layer(self, article_id: str, annotator: str, status: str | None = None) -> None:
        """Make sure the layer exists and give it a new version; an action on a new layer
        moves it to in_progress. Call inside write()."""
        annotator_id = self.annotator_id(annotator)
        self._journal(article_id, annotator_id)
        sha = self.execute("SELECT text_sha256 FROM articles WHERE id = ?", [article_id]).fetchone()
        if sha is None:
            raise StoreError(f"no article {article_id!r}")
        self.execute(
            "INSERT INTO layers (article_id, annotator_id, status, text_sha256, updated_at, "
            f"version, last_version) VALUES (?, ?, ?, ?, ?, {FIRST_VERSION}, {FIRST_VERSION}) "
            "ON CONFLICT (article_id, annotator_id) DO UPDATE SET "
            f"updated_at = excluded.updated_at, {NEXT_VERSION}, "
            "status = CASE WHEN layers.status = 'new' THEN excluded.status ELSE layers.status END",
            [
                article_id,
                annotator_id,
                status or "in_progress",
                sha[0],
                time.time(),
                *first_version_args(article_id, annotator_id),
            ],
        )

    def claim_layer(self, article_id: str, annotator_id: int, version: int) -> bool:
        """Take the layer for this action if it is still at ``version`` (0: there is no
        layer): give it a new version at once, so anyone else who saw ``version`` is
        refused (PostgreSQL re-checks the WHERE of a row another transaction changed).
        False, changing nothing, when someone changed it. Call inside write()."""
        self._journal(article_id, annotator_id)
        if version:
            row = self.execute(
                f"UPDATE layers SET {NEXT_VERSION} "
                "WHERE article_id = ? AND annotator_id = ? AND version = ? RETURNING version",
                [article_id, annotator_id, version],
            ).fetchone()
            return row is not None
        row = self.execute(
            "INSERT INTO layers (article_id, annotator_id, status, text_sha256, updated_at, "
            f"version, last_version) SELECT ?, ?, 'new', a.text_sha256, ?, {FIRST_VERSION}, "
            f"{FIRST_VERSION} FROM articles a WHERE a.id = ? "
            "ON CONFLICT (article_id, annotator_id) DO NOTHING RETURNING version",
            [
                article_id,
                annotator_id,
                time.time(),
                *first_version_args(article_id, annotator_id),
                article_id,
            ],
        ).fetchone()
        return row is not None

    def layer_versions(self, keys: Iterable[LayerKey]) -> dict[LayerKey, int]:
        """The version of each layer (article id, annotator id); 0 for one that is gone."""
        versions = {}
        for article_id, annotator_id in keys:
            row = self.execute(
                "SELECT version FROM layers WHERE article_id = ? AND annotator_id = ?",
                [article_id, annotator_id],
            ).fetchone()
            versions[article_id, annotator_id] = int(row[0]) if row else 0
        return versions

    def name_layer_versions(self, versions: Mapping[LayerKey, int]) -> None:
        """Give layers back the versions of a state they are in again (redo; inside write())."""
        self.executemany(
            "UPDATE layers SET version = ? WHERE article_id = ? AND annotator_id = ?",
            [
                (version, article_id, annotator_id)
                for (article_id, annotator_id), version in versions.items()
            ],
        )

    def _journal(self, article_id: str, annotator_id: int) -> None:
        """Keep the layer's row as it was before the action, the first time it touches it."""
        if self.layer_journal is None or any(
            entry[:2] == (article_id, annotator_id) for entry in self.layer_journal
        ):
            return
        before = self.execute(
            f"SELECT {_JOURNAL_COLUMNS} FROM layers WHERE article_id = ? AND annotator_id = ?",
            [article_id, annotator_id],
        ).fetchone()
        self.layer_journal.append((article_id, annotator_id, before))

    def restore_layers(self, journal: list[JournalEntry]) -> None:
        """Put layer rows back as a journal recorded them, their versions included: the
        same state goes back to the same number (call inside write(), after the caller
        checked, with claim_layer, that nobody else changed them since). A row that did not
        exist is removed; its last version is kept, so that number is never given again."""
        for article_id, annotator_id, before in journal:
            if before is None:
                gone = self.execute(
                    "DELETE FROM layers WHERE article_id = ? AND annotator_id = ? "
                    "RETURNING last_version",
                    [article_id, annotator_id],
                ).fetchone()
                if gone is not None:
                    self.execute(
                        "INSERT INTO removed_layers (article_id, annotator_id, last_version) "
                        "VALUES (?, ?, ?) ON CONFLICT (article_id, annotator_id) "
                        "DO UPDATE SET last_version = excluded.last_version",
                        [article_id, annotator_id, gone[0]],
                    )
                continue
            self.execute(
                "UPDATE layers SET status = ?, comment = ?, text_sha256 = ?, updated_at = ?, "
                "import_id = ?, version = ? WHERE article_id = ? AND annotator_id = ?",
                [*before, article_id, annotator_id],
            )
