#!/usr/bin/env bash
# First start of the PostgreSQL container: Airflow's metadata database and Marsad's events database
# (with PostGIS, which the gazetteer uses).
set -euo pipefail
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" <<SQL
CREATE USER airflow WITH PASSWORD '${AIRFLOW_DB_PASSWORD}';
CREATE DATABASE airflow OWNER airflow;
CREATE USER marsad WITH PASSWORD '${MARSAD_DB_PASSWORD}';
CREATE DATABASE marsad OWNER marsad;
SQL
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname marsad -c "CREATE EXTENSION IF NOT EXISTS postgis;"
