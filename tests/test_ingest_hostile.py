"""Live ingest against hostile feeds and servers on 127.0.0.1."""

from __future__ import annotations

import pytest

from etl import ingest
from etl.feeds.fetch import Fetcher, FetchPolicy
from tests.loopback import LoopbackServer
from tests.test_ingest_live import page


@pytest.fixture
def fetcher():
    with Fetcher(FetchPolicy(attempts=1, host_interval=0.0, backoff_base=0.01)) as f:
        yield f


def test_page_fetching_of_one_document_is_time_limited(fetcher):
    with LoopbackServer() as site:
        site.routes["/news"] = lambda req: (200, {"Content-Type": "text/html"}, page("خبر"))
        assert ingest.live_pages(fetcher)(site.url("/news"))[0]
        text, error, _ = ingest.live_pages(fetcher, time_limit=0)(site.url("/news"))
        assert text is None and "took more than 0 s" in error and site.hits("/news") == 1
