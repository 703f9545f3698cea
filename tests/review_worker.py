"""A reviewer working through the review queue in her own process, for the race tests.

``python tests/review_worker.py DB REVIEWER DECISION START_FILE [THINK_MS]`` opens the
database, prints ``ready`` and waits until START_FILE exists (so two reviewers start
together), then goes through the layers of ANALYST on ARTICLE_IDS in order, as the review
panel shows them: a layer still in ``done`` is looked at for a random moment of up to
THINK_MS milliseconds (a real reviewer takes seconds) and decided (DECISION is
``accepted`` or ``returned``); a layer someone already decided is skipped. For each layer
it prints one JSON line: the article, and ``saved``, ``refused`` (another reviewer decided
first: with the store's message) or ``skipped``.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

import orjson

ANALYST = "amina"
ARTICLE_IDS = [f"r{i:03}" for i in range(100)]


def main(db: str, reviewer: str, decision: str, start_file: Path, think_ms: float = 0) -> None:
    from annotator.core.errors import LayerConflictError
    from annotator.core.review.gold import accept_layer, return_layer
    from annotator.core.store import Store

    rng = random.Random(reviewer)
    with Store(Path(db), verify=False) as store:
        sys.stdout.buffer.write(b'{"ready": true}\n')
        sys.stdout.flush()
        while not start_file.exists():
            time.sleep(0.001)
        for article_id in ARTICLE_IDS:
            layer = store.layer(article_id, ANALYST)  # what the review panel shows her
            if layer.status != "done":
                outcome: dict[str, object] = {"outcome": "skipped"}
            else:
                time.sleep(rng.uniform(0, think_ms) / 1000)
                # The decision quotes the version she looked at, as the review panel does.
                if decision == "accepted":
                    action = accept_layer(store, article_id, ANALYST, "", seen=layer.version)
                else:
                    action = return_layer(
                        store, article_id, ANALYST, f"{reviewer}: راجع الألقاب", seen=layer.version
                    )
                try:
                    action.apply(store)
                    outcome = {"outcome": "saved"}
                except LayerConflictError as exc:
                    outcome = {"outcome": "refused", "message": str(exc)}
            sys.stdout.buffer.write(orjson.dumps({"article": article_id, **outcome}) + b"\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], Path(sys.argv[4]), *map(float, sys.argv[5:6]))
