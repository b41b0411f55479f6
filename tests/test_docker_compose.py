"""docker-compose.yml cannot be run here (no Docker engine): check its structure instead."""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
AIRFLOW_SERVICES = {"airflow-init", "airflow-apiserver", "airflow-scheduler", "airflow-dag-processor",
                    "airflow-triggerer", "airflow-worker"}


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def test_services_and_images():
    spec = compose()
    services = spec["services"]
    assert {"postgres", "redis"} | AIRFLOW_SERVICES == set(services)
    assert "postgis" in services["postgres"]["image"]
    assert services["redis"]["image"].startswith("redis:")
    for name in AIRFLOW_SERVICES:
        service = services[name]
        assert service["image"] == "marsad-airflow:latest", name
        assert (ROOT / service["build"]["context"] / service["build"]["dockerfile"]).is_file()
    assert set(spec["volumes"]) == {"postgres-data", "marsad-data"}


def test_airflow_runs_celery_against_postgres():
    services = compose()["services"]
    commands = {name: services[name]["command"] for name in AIRFLOW_SERVICES}
    assert commands["airflow-worker"] == "celery worker"
    assert {commands[n] for n in ("airflow-apiserver", "airflow-scheduler", "airflow-dag-processor",
                                  "airflow-triggerer")} == {"api-server", "scheduler", "dag-processor", "triggerer"}
    for name in AIRFLOW_SERVICES:
        env = services[name]["environment"]
        assert env["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
        assert "@postgres:5432/airflow" in env["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]
        assert env["AIRFLOW__CELERY__BROKER_URL"].startswith("redis://redis:")
        assert env["AIRFLOW_CONN_MARSAD_DB"].startswith("postgresql://") and "@postgres:5432/marsad" in env["AIRFLOW_CONN_MARSAD_DB"]
        assert "./dags:/opt/marsad/dags" in services[name]["volumes"]
        assert any(v.startswith("marsad-data:") for v in services[name]["volumes"])  # shared spool
        assert services[name]["depends_on"]["postgres"]["condition"] == "service_healthy"


def test_start_order_and_health():
    services = compose()["services"]
    assert "marsad db upgrade" in " ".join(services["airflow-init"]["command"])
    for name in ("airflow-apiserver", "airflow-scheduler", "airflow-dag-processor", "airflow-triggerer"):
        assert services[name]["depends_on"]["airflow-init"]["condition"] == "service_completed_successfully"
    for name in ("postgres", "redis", "airflow-apiserver", "airflow-scheduler"):
        assert services[name]["healthcheck"]["test"]
    init = ROOT / "deploy" / "postgres-init.sh"
    assert "CREATE EXTENSION IF NOT EXISTS postgis" in init.read_text()
    assert any(v.startswith("./deploy/postgres-init.sh:") for v in services["postgres"]["volumes"])
