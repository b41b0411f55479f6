#!/usr/bin/env bash
# The services the test suite needs, set up idempotently (`make test` runs this first; so does CI):
# PostgreSQL on 127.0.0.1:5432 with the PostGIS extension available.
#
# Where a service truly cannot be had (no PostgreSQL installed, no root to install PostGIS), this says why
# and exits 0: the PostgreSQL tests are then skipped with that reason, unless MARSAD_REQUIRE_POSTGRES=1
# (CI), where they fail.
set -uo pipefail

PGHOST=127.0.0.1
PGPORT=5432
say() { echo "test-services: $*" >&2; }

start_postgres() {
  pg_isready -h "$PGHOST" -p "$PGPORT" -q 2>/dev/null && return 0
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    local version
    version=$(ls /etc/postgresql | sort -V | tail -1)
    say "starting PostgreSQL ${version} (cluster main)"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start 2>&1 | sed 's/^/  /' >&2
    for _ in $(seq 30); do pg_isready -h "$PGHOST" -p "$PGPORT" -q && return 0; sleep 1; done
  fi
  say "no PostgreSQL answers on ${PGHOST}:${PGPORT} and none could be started here"
  return 1
}

psql_admin() { psql -h "$PGHOST" -p "$PGPORT" -U postgres -d postgres -tAc "$1" 2>/dev/null; }

# apt takes a lock that another process (an unattended upgrade, a parallel install) may hold: wait for it
# instead of failing at once.
apt_get() {
  for attempt in $(seq 60); do
    if apt-get -o DPkg::Lock::Timeout=600 "$@"; then
      return 0
    fi
    if ! fuser /var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock >/dev/null 2>&1 \
        && [ "$attempt" -ge 3 ]; then
      return 1  # failed three times without a lock held by anyone: a real error
    fi
    say "apt is busy (attempt ${attempt}); waiting"
    sleep 10
  done
  return 1
}

install_postgis() {
  [ "$(psql_admin "select 1 from pg_available_extensions where name='postgis'")" = 1 ] && return 0
  local major
  major=$(psql_admin "show server_version_num" | cut -c1-2)
  if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    say "PostGIS is not installed for PostgreSQL ${major}, and this user cannot install it (needs root and apt:" \
        "apt-get install postgresql-${major}-postgis-3)"
    return 1
  fi
  say "installing PostGIS for PostgreSQL ${major} (postgresql-${major}-postgis-3)"
  export DEBIAN_FRONTEND=noninteractive
  apt_get update -qq >/dev/null && apt_get install -y -qq "postgresql-${major}-postgis-3" >/dev/null || {
    say "installing postgresql-${major}-postgis-3 failed"
    return 1
  }
  [ "$(psql_admin "select 1 from pg_available_extensions where name='postgis'")" = 1 ]
}

if start_postgres && install_postgis; then
  say "PostgreSQL $(psql_admin "show server_version") with PostGIS on ${PGHOST}:${PGPORT}: ready"
else
  say "the PostgreSQL tests will be skipped (or fail, with MARSAD_REQUIRE_POSTGRES=1)"
fi
exit 0
