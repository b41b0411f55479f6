# Marsad: the two commands of the README, and a few helpers.
#   make demo   set up, migrate the embedded SQLite events database, run the ingest DAG and then the
#               extraction DAG through real Airflow on replayed feeds, print a summary
#   make test   set up (the venv; PostgreSQL with PostGIS on 127.0.0.1:5432), run the test suite on SQLite
#               and PostgreSQL

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export PATH := $(BIN):$(PATH)

# The demo replays the ANT corpus (7,628 real articles) when ../shared/data is beside the project,
# otherwise the project's own sample feeds.
ANT := $(abspath ../shared/data/ant_multisource/middleEast_2018.jsonl.gz)
DEMO_REPLAY ?= $(if $(wildcard $(ANT)),$(ANT),$(CURDIR)/samples/feeds)

# Airflow for the demo lives inside the project (.airflow/), with this project's DAGs.
AIRFLOW_ENV := AIRFLOW_HOME=$(CURDIR)/.airflow AIRFLOW__CORE__DAGS_FOLDER=$(CURDIR)/dags \
	AIRFLOW__CORE__LOAD_EXAMPLES=False AIRFLOW__CORE__PARALLELISM=2 \
	AIRFLOW__CORE__EXECUTOR=LocalExecutor AIRFLOW__LOGGING__LOGGING_LEVEL=WARNING

.PHONY: install services demo test bench clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	# torch first, pinned: 2.13.0 is the local CPU build; an unpinned torch (camel-tools needs one)
	# would pull gigabytes of CUDA packages.
	$(BIN)/pip install --quiet torch==2.13.0
	$(BIN)/pip install --quiet -c constraints.txt -e '.[dev]'
	# Leaflet and its marker clusters for `marsad map`, from the npm registry, pinned and checked; without them
	# everything else works and the map says how to get them
	deploy/web-assets.sh $(VENV)/share/marsad/web || echo "warning: no map assets (marsad map needs them)"
	touch $(STAMP)

install: $(STAMP)

demo: install
	$(AIRFLOW_ENV) airflow db migrate > /dev/null
	marsad db upgrade
	@echo "replaying $(DEMO_REPLAY) through the marsad_ingest DAG (airflow dags test) ..."
	$(AIRFLOW_ENV) airflow dags test marsad_ingest -c '{"replay": "$(DEMO_REPLAY)"}' > .airflow/demo-dag.log 2>&1 \
		|| { tail -40 .airflow/demo-dag.log; exit 1; }
	@grep -o "marsad ingest summary: .*" .airflow/demo-dag.log | tail -1
	@echo "geocoding and coding the articles through the marsad_extract DAG (airflow dags test) ..."
	$(AIRFLOW_ENV) airflow dags test marsad_extract > .airflow/demo-extract.log 2>&1 \
		|| { tail -40 .airflow/demo-extract.log; exit 1; }
	@grep -o "marsad extract summary: .*" .airflow/demo-extract.log | tail -1
	marsad stats
	marsad dictionary --check

# PostgreSQL with PostGIS on 127.0.0.1:5432, started and installed when missing (idempotent; where it cannot
# be had, the script says why and the PostgreSQL tests are skipped with that reason).
services:
	deploy/test-services.sh

test: install services
	$(BIN)/pytest $(PYTEST_ARGS)

bench: install
	$(BIN)/python bench/ingest.py

clean:
	rm -rf .airflow data .pytest_cache
