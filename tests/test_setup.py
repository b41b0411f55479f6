"""The README's test command sets up what the tests need on a fresh machine (docs/RELIABILITY.md, fault 1)."""

from __future__ import annotations

import os
import subprocess

import pytest

from tests.conftest import ROOT


def test_make_test_runs_the_service_setup_first():
    planned = subprocess.run(["make", "-n", "test"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    lines = planned.splitlines()
    setup = next(i for i, line in enumerate(lines) if "deploy/test-services.sh" in line)
    tests = next(i for i, line in enumerate(lines) if "pytest" in line)
    assert setup < tests


@pytest.mark.postgres
def test_the_service_setup_is_idempotent_and_leaves_postgis_available():
    if os.geteuid() != 0 and os.environ.get("MARSAD_REQUIRE_POSTGRES") != "1":
        pytest.skip("installing PostGIS needs root")
    for _ in range(2):  # a second run finds everything in place and changes nothing
        done = subprocess.run([str(ROOT / "deploy" / "test-services.sh")], capture_output=True, text=True,
                              timeout=900)
        assert done.returncode == 0 and "with PostGIS on 127.0.0.1:5432: ready" in done.stderr, done.stderr
    import psycopg

    with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres") as conn:
        assert conn.execute("select 1 from pg_available_extensions where name = 'postgis'").fetchone()
