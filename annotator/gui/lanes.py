"""Lane assignment for stacked span underlines: overlapping spans never share a lane."""

from __future__ import annotations

import heapq
from collections.abc import Iterable

from annotator.core.models import Span


def reading_key(span: Span) -> tuple[int, int, int]:
    """Reading order, the order lanes are assigned in: by start, an outer span before the
    spans nested in it."""
    return (span.start, -span.end, span.id)


def assign_lanes(spans: Iterable[tuple[int, int, int]]) -> dict[int, int]:
    """Map span id -> lane for (id, start, end) triples.

    Greedy by start (outer span first), taking the lowest lane free at the start: optimal
    for intervals, so a text with nesting depth k uses exactly k lanes, and a span alone on
    its stretch of text sits in lane 0, right under the letters. O(n log n).
    """
    ordered = sorted(spans, key=lambda s: (s[1], -s[2], s[0]))
    busy: list[tuple[int, int]] = []  # (end, lane) of spans still open
    free: list[int] = []
    lanes: dict[int, int] = {}
    next_lane = 0
    for span_id, start, end in ordered:
        while busy and busy[0][0] <= start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            lane = heapq.heappop(free)
        else:
            lane, next_lane = next_lane, next_lane + 1
        lanes[span_id] = lane
        heapq.heappush(busy, (end, lane))
    return lanes


def lane_count(lanes: dict[int, int]) -> int:
    return max(lanes.values(), default=-1) + 1
