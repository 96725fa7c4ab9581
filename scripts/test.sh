#!/usr/bin/env bash
# The README's test line: prepares the machine and runs every check and suite, continuing past failures.
#   setup (apt, dockerd, test image; root) -> npm ci when needed -> build -> lint -> typecheck -> unit -> webview ->
#   code-server install -> integration (real extension host) -> e2e (browser UI)
# The last line is exactly "N passed, N failed, N skipped": N passed sums mocha's passing tests of all suites;
# N failed sums their failing tests and the run guards' failures (scripts/lib/runGuards.mjs: a suite that ran 0
# tests, a skipped test not in test/allowed-skips.json), plus 1 for every step that failed without counted test
# failures (set-up, build, lint, typecheck, a suite that crashed); N skipped sums the skipped (pending) tests.
# Exit status 0 only when N failed is 0. Logs: test-results/logs/.
# Env: DNE_CODE_SERVER_DIR (reuse a code-server install), DNE_SKIP_SETUP=1 (machine already prepared).
set -uo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
logs="$repo/test-results/logs"
mkdir -p "$logs"
export CI="${CI:-}" npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
started=$(date +%s)

passed=0
failed=0
skipped=0
report=()
failed_logs=()
# The full run runs every test: filters inherited from the caller's shell are dropped, and said so.
for v in DNE_TEST_GREP DNE_E2E_GREP DNE_E2E_INVERT; do
  if [ -n "${!v:-}" ]; then echo "test.sh: ignoring $v=${!v} (the full run runs every test)"; unset "$v"; fi
done

# record <step> <exit-code> <log>: adds the step's counts (its DNE-SUMMARY line when it printed one).
record() {
  local name="$1" code="$2" log="$3" line p=0 f=0 s=0
  line="$(grep -a '^DNE-SUMMARY ' "$log" | tail -n1 || true)"
  if [ -n "$line" ]; then
    p="$(sed -E 's/.* passed=([0-9]+).*/\1/' <<<"$line")"
    f="$(sed -E 's/.* failed=([0-9]+).*/\1/' <<<"$line")"
    s="$(sed -E 's/.* pending=([0-9]+).*/\1/' <<<"$line")"
  fi
  if [ "$code" != 0 ] && [ "$f" = 0 ]; then f=1; fi
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + s))
  if [ "$f" = 0 ]; then report+=("ok    $name ($p passed, $s skipped)")
  else
    report+=("FAIL  $name ($p passed, $f failed, $s skipped; log: ${log#"$repo"/})")
    failed_logs+=("$name:$log")
  fi
}

# failure_excerpt <log>: mocha's "N failing" block when the log has one (titles, errors, first stack lines),
# else the log's tail, so a CI that keeps only the end of the output still shows what failed and why.
failure_excerpt() {
  local log="$1"
  if grep -qaE '^ +[0-9]+ failing' "$log"; then
    awk '/^ +[0-9]+ failing/{p=1} p' "$log" | grep -av '^ *at .*node_modules' | head -n 80
  else
    tail -n 30 "$log"
  fi
}

# step <name> <command...>: runs the command with its output shown and logged, then records it.
# MOCHA_COUNTS=1 step ...: for plain mocha runs, first turns mocha's own summary into a DNE-SUMMARY line.
step() {
  local name="$1"; shift
  local log="$logs/$name.log" t0=$(date +%s) code
  echo
  echo "=== $name: $*"
  "$@" </dev/null 2>&1 | tee "$log"
  code=${PIPESTATUS[0]}
  if [ "${MOCHA_COUNTS:-}" = 1 ]; then
    node scripts/lib/mochaCounts.mjs "$name" "$code" "$log" | tee -a "$log"
    [ "${PIPESTATUS[0]}" = 0 ] || code=1
  fi
  echo "=== $name: exit $code after $(( $(date +%s) - t0 )) s"
  record "$name" "$code" "$log"
  return "$code"
}

# shellcheck source=lib/ensure-deps.sh
. scripts/lib/ensure-deps.sh

if [ "${DNE_SKIP_SETUP:-}" != 1 ]; then
  step setup bash scripts/setup-machine.sh
fi
if needs_npm_ci; then
  step npm-ci npm ci --no-audit --no-fund
fi
step build node scripts/build.mjs
step lint npm run --silent lint
step typecheck npx --no-install tsc --noEmit -p .
MOCHA_COUNTS=1 step unit npx --no-install mocha --config test/unit/.mocharc.json
# The topology panel's front end in plain Chromium (no VS Code), when that suite exists.
if [ -f scripts/run-webview-tests.mjs ]; then
  step webview node scripts/run-webview-tests.mjs
fi
# The launchers use the bundles built above; code-server is installed once (cached in DNE_CODE_SERVER_DIR).
export DNE_SKIP_BUILD=1
if step code-server bash scripts/install-code-server.sh; then
  step integration node scripts/run-integration.mjs
  step e2e node scripts/run-e2e.mjs
  step e2e-vsix node scripts/run-e2e-vsix.mjs
else
  record integration 1 /dev/null
  record e2e 1 /dev/null
fi

for entry in "${failed_logs[@]}"; do
  echo
  echo "=== what failed in ${entry%%:*}"
  if [ -f "${entry#*:}" ]; then failure_excerpt "${entry#*:}"; fi
done
if [ "${#failed_logs[@]}" -gt 0 ]; then
  echo
  echo "=== failed tests"
  for entry in "${failed_logs[@]}"; do node scripts/lib/failedTitles.mjs "${entry%%:*}" "${entry#*:}"; done
fi
echo
echo "=== summary after $(( $(date +%s) - started )) s"
printf '%s\n' "${report[@]}"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
