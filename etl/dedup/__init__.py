"""Deduplication: near-duplicate articles form stories (etl.dedup.stories), event mentions are linked into
canonical events (etl.dedup.linking). `run_dedup` is what the CLI and the extraction DAG call."""

from __future__ import annotations

import time


def run_dedup(url: str, cfg=None, stories: bool = True, events: bool = True, progress=None) -> dict:
    """Stories first (event counts depend on them), then event linking; returns both summaries.
    `progress(step, done, total)`, if given, is called after each batch ("stories" or "events")."""
    from etl.dedup.config import current
    from etl.dedup.linking import link_pending
    from etl.dedup.stories import assign_pending

    cfg = cfg or current()
    report: dict = {}
    if stories:
        started = time.perf_counter()
        report["stories"] = assign_pending(url, cfg, _step(progress, "stories")).as_dict()
        report["stories"]["seconds"] = round(time.perf_counter() - started, 3)
    if events:
        started = time.perf_counter()
        report["events"] = link_pending(url, cfg, _step(progress, "events")).as_dict()
        report["events"]["seconds"] = round(time.perf_counter() - started, 3)
    return report


def _step(progress, step: str):
    """The batch callback of one step: (done in this batch, total) -> progress(step, done so far, total)."""
    if progress is None:
        return None
    done = 0

    def advance(batch: int, total: int) -> None:
        nonlocal done
        done += batch
        progress(step, done, total)

    return advance
