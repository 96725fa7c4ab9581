# Sourced by test.sh and demo.sh: `npm ci` only when node_modules is missing or does not match package-lock.json.
needs_npm_ci() {
  [ ! -d node_modules ] && return 0
  ! node scripts/lib/depsFresh.mjs
}
