"""Deduplication: near-duplicate articles form stories (etl.dedup.stories), event mentions are linked into
canonical events (etl.dedup.linking). `run_dedup` is what the CLI and the extraction DAG call."""

from __future__ import annotations

import time


def run_dedup(url: str, cfg=None, stories: bool = True, events: bool = True) -> dict:
    """Stories first (event counts depend on them), then event linking; returns both summaries."""
    from etl.dedup.config import current
    from etl.dedup.linking import link_pending
    from etl.dedup.stories import assign_pending

    cfg = cfg or current()
    report: dict = {}
    if stories:
        started = time.perf_counter()
        report["stories"] = assign_pending(url, cfg).as_dict()
        report["stories"]["seconds"] = round(time.perf_counter() - started, 3)
    if events:
        started = time.perf_counter()
        report["events"] = link_pending(url, cfg).as_dict()
        report["events"]["seconds"] = round(time.perf_counter() - started, 3)
    return report
