#!/usr/bin/env bash
# The one test command of CaseFlow: bash tests/run.sh
#
# Installs what the tests need when missing (Debian 12), starts a private PostgreSQL 15 server and an SMTP
# sink on 127.0.0.1, builds the solution once, runs the whole suite under TZ=Asia/Shanghai and, under TZ=UTC,
# the tests whose results can depend on the time zone (see "Time zones" below). Everything it starts is stopped
# and removed on exit. The last line reads "N passed, M failed".
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

PG_BIN=/usr/lib/postgresql/15/bin
PY=/usr/bin/python3 # Debian's interpreter: the python3 first on PATH may lack Debian's modules
WORK=""
SMTP_PID=""
PG_STARTED=""
SUMMARY="0 passed, 0 failed"

as_postgres() {
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cleanup() {
  local status=$?
  set +e
  if [[ -n $PG_STARTED ]]; then as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -m immediate stop >/dev/null 2>&1; fi
  if [[ -n $SMTP_PID ]]; then kill "$SMTP_PID" 2>/dev/null; wait "$SMTP_PID" 2>/dev/null; fi
  if [[ -n $WORK ]]; then rm -rf "$WORK"; fi
  echo "$SUMMARY"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- packages ---------------------------------------------------------------------------------------------
missing=()
[[ -x $PG_BIN/postgres ]] || missing+=(postgresql)
[[ -x $PY ]] && "$PY" -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
# A browser and CJK fonts only for the browser tests: adding the project tests/CaseFlow.Browser.Tests is enough.
if [[ -d tests/CaseFlow.Browser.Tests ]]; then
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
  # Chromium's Chinese locale: date inputs then read 年/月/日 as on the offices' PCs.
  dpkg -s chromium-l10n >/dev/null 2>&1 || missing+=(chromium-l10n)
fi
if ((${#missing[@]})); then
  if [[ $EUID -ne 0 ]]; then
    echo "Missing packages: ${missing[*]}. Install them as root (apt-get install ${missing[*]}) and run again." >&2
    exit 1
  fi
  echo "Installing ${missing[*]} ..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq </dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
fi

# --- npm packages -----------------------------------------------------------------------------------------
if [[ -f tests/openapi/package.json ]]; then
  npm ci --prefix tests/openapi --no-audit --no-fund --loglevel=error >/dev/null
fi
if [[ -d tests/CaseFlow.Browser.Tests ]]; then # axe-core for the browser tests
  npm ci --prefix tests/CaseFlow.Browser.Tests --no-audit --no-fund --loglevel=error >/dev/null
fi

free_port() {
  "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

WORK=$(mktemp -d /tmp/caseflow-run.XXXXXX)

# --- PostgreSQL -------------------------------------------------------------------------------------------
mkdir "$WORK/pg"
if [[ $EUID -eq 0 ]]; then chown postgres:postgres "$WORK/pg"; chmod 755 "$WORK"; fi
PG_PORT=$(free_port)
as_postgres "$PG_BIN/initdb" -D "$WORK/pg/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
PG_STARTED=1
if ! as_postgres "$PG_BIN/pg_ctl" -D "$WORK/pg/data" -l "$WORK/pg/server.log" -w \
  -o "-p $PG_PORT -k $WORK/pg -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null; then
  cat "$WORK/pg/server.log" >&2
  exit 1
fi
export CASEFLOW_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"

# --- SMTP sink --------------------------------------------------------------------------------------------
# tests/smtp-sink.py (aiosmtpd) writes each accepted message as a JSON line. Tests that take the mail server down
# and bring it back start their own sink process with the same script (CASEFLOW_TEST_SMTP_SCRIPT).
export CASEFLOW_TEST_SMTP_SCRIPT="$PWD/tests/smtp-sink.py"
SMTP_PORT=$(free_port)
export CASEFLOW_TEST_SMTP_LOG="$WORK/smtp.log"
export CASEFLOW_TEST_SMTP_OUT="$WORK/smtp-messages.jsonl"
"$PY" -u "$CASEFLOW_TEST_SMTP_SCRIPT" --host 127.0.0.1 --port "$SMTP_PORT" --out "$CASEFLOW_TEST_SMTP_OUT" >"$CASEFLOW_TEST_SMTP_LOG" 2>&1 &
SMTP_PID=$!
for _ in $(seq 100); do
  grep -qx ready "$CASEFLOW_TEST_SMTP_LOG" 2>/dev/null && break
  kill -0 "$SMTP_PID" 2>/dev/null || { cat "$CASEFLOW_TEST_SMTP_LOG" >&2; exit 1; }
  sleep 0.2
done
grep -qx ready "$CASEFLOW_TEST_SMTP_LOG" || { echo "The SMTP sink did not start." >&2; cat "$CASEFLOW_TEST_SMTP_LOG" >&2; exit 1; }
export CASEFLOW_TEST_SMTP_PORT=$SMTP_PORT
export CASEFLOW_TEST_CHROMIUM=/usr/bin/chromium
echo "PostgreSQL on 127.0.0.1:$PG_PORT, SMTP sink on 127.0.0.1:$SMTP_PORT"

# --- build and test ---------------------------------------------------------------------------------------
if ! dotnet build CaseFlow.sln -c Release -v q -nologo; then
  echo "Build failed; no tests were run." >&2
  exit 1
fi

# Time zones. CaseFlow's legal dates are China Standard Time dates whatever the server's zone, so the whole suite
# runs once under TZ=Asia/Shanghai and, under TZ=UTC, only what can depend on the zone: all of CaseFlow.Domain.Tests
# and every test class marked [Trait("TimeZone", "Sensitive")].
# Rule for new tests: mark the class (the abstract base of OnSqlite/OnPostgres pairs carries it for both) when it
# touches dates, the clock or TimeProvider, the calendar, China time, deadlines, timers and reminders, mail dates,
# reports or journal times, or converts times for storage. When in doubt, mark it: a missed class is only caught
# on a server in another zone.
TIME_ZONE_FILTER="TimeZone=Sensitive|FullyQualifiedName~CaseFlow.Domain.Tests."

passed=0
failed=0
status=0
for run in "Asia/Shanghai" "UTC $TIME_ZONE_FILTER"; do
  read -r tz filter <<<"$run"
  echo "=== dotnet test, TZ=$tz${filter:+, filter $filter} ==="
  log="$WORK/test-${tz//\//-}.log"
  set +e
  mkdir -p "$WORK/tmp"
  started=$SECONDS
  # -m:1: one test project at a time, so that the browser tests' waits do not share the two cores with the HTTP
  # tests; serial costs about a minute per pass.
  TMPDIR="$WORK/tmp" TZ=$tz dotnet test CaseFlow.sln -c Release --no-build -nologo -m:1 ${filter:+--filter "$filter"} 2>&1 | tee "$log" |
    grep -v -e '^Additionally, path to test adapters' -e '^$'
  run_status=${PIPESTATUS[0]}
  set -e
  # Summary lines, one per test project: "Passed!  - Failed:     0, Passed:    32, Skipped: ..." / "Failed! - ..."
  read -r p f < <(sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '
    /^(Passed|Failed)! *- *Failed:/ {
      if (match($0, /Failed: *[0-9]+/)) { s = substr($0, RSTART, RLENGTH); gsub(/[^0-9]/, "", s); f += s }
      if (match($0, /, Passed: *[0-9]+/)) { s = substr($0, RSTART, RLENGTH); gsub(/[^0-9]/, "", s); p += s }
    }
    END { print p + 0, f + 0 }')
  echo "TZ=$tz: $p passed, $f failed in $((SECONDS - started)) s (dotnet test exit code $run_status)"
  passed=$((passed + p))
  failed=$((failed + f))
  if ((run_status != 0 || f > 0)); then status=1; fi
done

SUMMARY="$passed passed, $failed failed"
exit "$status"
