"""Counts for the stats command and the statistics dialog."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from annotator.core.store import Store
from annotator.core.store.sqlite import live


@dataclass(frozen=True)
class Stats:
    articles: int
    spans: int
    relations: int
    spans_per_label: dict[str, int]
    spans_per_annotator: dict[str, int]
    layers_per_status: dict[str, int]
    layers_per_annotator_status: dict[str, dict[str, int]]

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def collect_stats(store: Store) -> Stats:
    conn = store.conn
    per_label = dict(
        conn.execute(
            f"SELECT label, count(*) FROM spans s WHERE {live('s')} GROUP BY label ORDER BY label"
        ).fetchall()
    )
    per_annotator = dict(
        conn.execute(
            "SELECT n.name, count(*) FROM spans s JOIN annotators n ON n.id = s.annotator_id "
            f"WHERE {live('s')} GROUP BY n.name ORDER BY n.name"
        ).fetchall()
    )
    per_status: dict[str, int] = {}
    per_annotator_status: dict[str, dict[str, int]] = {}
    for name, status, count in conn.execute(
        "SELECT n.name, l.status, count(*) FROM layers l JOIN annotators n ON n.id = l.annotator_id "
        f"WHERE {live('l')} GROUP BY n.name, l.status ORDER BY n.name, l.status"
    ):
        per_status[status] = per_status.get(status, 0) + count
        per_annotator_status.setdefault(name, {})[status] = count
    relations = conn.execute(f"SELECT count(*) FROM relations r WHERE {live('r')}").fetchone()[0]
    return Stats(
        store.article_count(),
        sum(per_label.values()),
        int(relations),
        per_label,
        per_annotator,
        dict(sorted(per_status.items())),
        per_annotator_status,
    )
