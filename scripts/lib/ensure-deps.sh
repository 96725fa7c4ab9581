# Sourced by test.sh and demo.sh: `npm ci` only when node_modules is missing or older than package-lock.json
# (npm refreshes node_modules/.package-lock.json on every install, so an older one means a stale tree).
needs_npm_ci() {
  [ ! -d node_modules ] && return 0
  [ ! -f node_modules/.package-lock.json ] && return 0
  [ package-lock.json -nt node_modules/.package-lock.json ] && return 0
  return 1
}
