#!/usr/bin/env bash
# The README's run line: prepares the machine, builds the extension, creates demo networks and containers
# (all named dne-demo-*), and opens the demo/ workspace with the extension loaded:
#   desktop `code --extensionDevelopmentPath=<repo> demo/` when `code` is on PATH, otherwise code-server on
#   http://127.0.0.1:${PORT:-8080}/ (no auth, loopback only) with the extension installed as a link to this repo.
# Idempotent: existing demo resources are kept, missing ones created.
#   bash scripts/demo.sh            set up and run (code-server stays in the foreground; Ctrl-C stops it)
#   bash scripts/demo.sh --detach   same, code-server in the background (pid in .vscode-test/demo/code-server.pid)
#   bash scripts/demo.sh --down     stop a detached code-server and remove every dne-demo-* resource
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
mode="${1:-run}"
image="${DNE_TEST_IMAGE:-dne-busybox:latest}"
project=demo
demo_dir="$repo/.vscode-test/demo"
pid_file="$demo_dir/code-server.pid"
port="${PORT:-8080}"

say() { echo "demo: $*"; }

containers=(dne-demo-web dne-demo-api dne-demo-db dne-demo-cache dne-demo-v6 dne-demo-job)
networks=(dne-demo-frontend dne-demo-backend dne-demo-data dne-demo-v6)

stop_detached() {
  if [ -f "$pid_file" ]; then
    local pid
    pid="$(cat "$pid_file")"
    # The detached server leads its own process group (setsid): end the whole group.
    if kill -0 "$pid" 2>/dev/null; then kill -- "-$pid" 2>/dev/null || kill "$pid"; say "stopped code-server (pid $pid)"; fi
    rm -f "$pid_file"
  fi
}

down() {
  stop_detached
  for c in "${containers[@]}"; do
    if docker container inspect "$c" >/dev/null 2>&1; then docker rm -f "$c" >/dev/null && say "removed container $c"; fi
  done
  for n in "${networks[@]}"; do
    if docker network inspect "$n" >/dev/null 2>&1; then docker network rm "$n" >/dev/null && say "removed network $n"; fi
  done
}

if [ "$mode" = "--down" ]; then
  down
  exit 0
fi
case "$mode" in run|--detach) ;; *) echo "usage: bash scripts/demo.sh [--detach|--down]" >&2; exit 2 ;; esac

# --- machine, dependencies, build ---------------------------------------------------------------------
if [ "$(id -u)" = 0 ]; then
  bash scripts/setup-machine.sh
else
  bash scripts/start-engine.sh && bash scripts/make-test-image.sh
fi
# shellcheck source=lib/ensure-deps.sh
. scripts/lib/ensure-deps.sh
if needs_npm_ci; then say "installing node modules (npm ci)"; npm ci --no-audit --no-fund; fi
node scripts/build.mjs

# --- demo engine state (scripts/lib/demo-state.sh: also what the e2e screenshots for docs/images use) -------
DNE_TEST_IMAGE="$image" bash scripts/lib/demo-state.sh

# --- open the workspace -------------------------------------------------------------------------------
if command -v code >/dev/null 2>&1 && [ -z "${DNE_DEMO_CODE_SERVER:-}" ]; then
  say "opening desktop VS Code with the extension from $repo"
  exec code --extensionDevelopmentPath="$repo" "$repo/demo"
fi

bash scripts/install-code-server.sh
bin="${DNE_CODE_SERVER_DIR:-$repo/.vscode-test/code-server}/node_modules/.bin/code-server"
stop_detached
mkdir -p "$demo_dir/extensions" "$demo_dir/user-data/User"
# The extension is "installed" as a link to this repo, so the plain URL loads the freshly built bundle.
version="$(node -p "require('./package.json').version")"
ln -sfn "$repo" "$demo_dir/extensions/docker-network-explorer.docker-network-explorer-$version"
[ -f "$demo_dir/user-data/User/settings.json" ] || cat >"$demo_dir/user-data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "telemetry.telemetryLevel": "off",
  "git.openRepositoryInParentFolders": "never",
  "workbench.secondarySideBar.defaultVisibility": "hidden"
}
JSON
args=(--auth none --bind-addr "127.0.0.1:$port" --disable-telemetry --disable-update-check
  --disable-workspace-trust --config "$demo_dir/config.yaml"
  --user-data-dir "$demo_dir/user-data" --extensions-dir "$demo_dir/extensions" "$repo/demo")
url="http://127.0.0.1:$port/?folder=$repo/demo"
if [ "$mode" = --detach ]; then
  setsid "$bin" "${args[@]}" >"$demo_dir/code-server.log" 2>&1 </dev/null &
  echo $! >"$pid_file"
  for _ in $(seq 1 60); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null || { say "code-server did not answer; see $demo_dir/code-server.log"; exit 1; }
  say "code-server running in the background (log $demo_dir/code-server.log); stop it with: bash scripts/demo.sh --down"
  say "open $url"
else
  say "open $url   (Ctrl-C stops code-server; bash scripts/demo.sh --down removes the demo resources)"
  exec "$bin" "${args[@]}"
fi
