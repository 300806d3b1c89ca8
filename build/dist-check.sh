#!/usr/bin/env bash
# Runs the frozen app as a user would, headless: version, demo, score, a PDF, the GUI started and
# closed by itself. Each step must succeed; data goes to a temporary folder, never the user's.
set -euo pipefail
cd "$(dirname "$0")/.."
exe="dist/smsoat/smsoat"
[ -x "$exe" ] || exe="dist/smsoat/smsoat.exe"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SMSOAT_DATA_DIR="$work/data" QT_QPA_PLATFORM=offscreen
db="$work/data/check.sqlite3"

step() { echo "dist-check: $*"; }
step "version: $("$exe" --version)"
"$exe" --version | grep -q "SMS OAT Studio"
step "instruments"
"$exe" instrument list | grep -q "sms-oat-bh"
step "demo"
"$exe" --db "$db" demo | grep -q "4 team members"
round_id=$("$exe" --db "$db" rounds --json | python3 -c "import json,sys; print(json.load(sys.stdin)[0]['id'])")
"$exe" --db "$db" score "$round_id" --json | python3 -c "import json,sys; d=json.load(sys.stdin); assert len(d['respondents']) == 4"
step "check"
"$exe" --db "$db" check | grep -q "OK"
if "$exe" --help | grep -q " report "; then
  step "scorecard PDF"
  "$exe" --db "$db" report scorecard "$round_id" -o "$work/scorecard.pdf"
  head -c 5 "$work/scorecard.pdf" | grep -q "%PDF-"
fi
if "$exe" --help | grep -q " export "; then
  step "export and import"
  "$exe" --db "$db" export "$round_id" -o "$work/round.smsoat"
  "$exe" --db "$work/data/coordinator.sqlite3" import "$work/round.smsoat"
  "$exe" --db "$work/data/coordinator.sqlite3" rounds | grep -q "Riverbend"
fi
if "$exe" --help | grep -q " rollup "; then
  step "state roll-up as XLSX and PDF, a blank form in Spanish"
  "$exe" --db "$work/data/coordinator.sqlite3" rollup --instrument sms-oat-bh -o "$work/state.xlsx"
  head -c 2 "$work/state.xlsx" | grep -q "PK"
  "$exe" --db "$work/data/coordinator.sqlite3" rollup --instrument sms-oat-bh -o "$work/state.pdf"
  head -c 5 "$work/state.pdf" | grep -q "%PDF-"
  "$exe" report blank sms-oat-bh --lang es -o "$work/blank.pdf"
  head -c 5 "$work/blank.pdf" | grep -q "%PDF-"
fi
step "GUI starts offscreen and closes by itself"
SMSOAT_SMOKE_EXIT_MS=1500 timeout 60 "$exe" --db "$db"
step "bad input exits 2 with one line"
set +e
"$exe" --db "$db" score 999 2>"$work/err"; code=$?
set -e
[ "$code" = 2 ] && [ "$(wc -l < "$work/err")" = 1 ] && ! grep -q Traceback "$work/err"
[ ! -e "dist/smsoat/data" ] || { echo "dist-check: data was written beside the executable" >&2; exit 1; }
step "OK"
