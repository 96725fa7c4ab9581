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

# --- demo engine state (compose-like: web -> api -> db, internal data network, IPv6, static IPs, ports) -----
net() { # net <name> <args...>: creates the network unless it exists
  local name="$1"; shift
  docker network inspect "$name" >/dev/null 2>&1 && return 0
  docker network create "$@" "$name" >/dev/null
  say "created network $name"
}
run() { # run <name> <first network> <args...>: starts the container unless it exists (then just starts it)
  local name="$1" network="$2"; shift 2
  if docker container inspect "$name" >/dev/null 2>&1; then
    return 0
  fi
  docker run -d --name "$name" --network "$network" "$@" >/dev/null
  say "created container $name"
}
connect() { # connect <network> <container> <args...>: unless already attached
  local network="$1" container="$2"; shift 2
  if docker inspect -f "{{if index .NetworkSettings.Networks \"$network\"}}yes{{end}}" "$container" | grep -q yes; then return 0; fi
  docker network connect "$@" "$network" "$container"
}
compose_labels() { echo --label "com.docker.compose.project=$project" --label "com.docker.compose.service=$1"; }

# shellcheck disable=SC2046 # word splitting of compose_labels is intended
{
  net dne-demo-frontend --driver bridge --subnet 10.213.10.0/24 --gateway 10.213.10.1 \
    --label "com.docker.compose.project=$project" --label com.docker.compose.network=frontend
  net dne-demo-backend --driver bridge --subnet 10.213.20.0/24 --ip-range 10.213.20.128/25 --attachable \
    --label "com.docker.compose.project=$project" --label com.docker.compose.network=backend \
    -o com.docker.network.driver.mtu=1400
  net dne-demo-data --driver bridge --internal --subnet 10.213.30.0/24 \
    -o com.docker.network.bridge.enable_icc=true
  net dne-demo-v6 --driver bridge --ipv6 --subnet 10.213.40.0/24 --subnet fd00:dead:beef::/64

  run dne-demo-web dne-demo-frontend --ip 10.213.10.10 -p 127.0.0.1:18080:80 -p 18443:443 \
    $(compose_labels web) "$image" sleep 1000000
  connect dne-demo-backend dne-demo-web --alias web
  run dne-demo-api dne-demo-backend --ip 10.213.20.20 --network-alias api $(compose_labels api) "$image" sleep 1000000
  connect dne-demo-data dne-demo-api
  run dne-demo-db dne-demo-data --ip 10.213.30.30 --network-alias database $(compose_labels db) "$image" sleep 1000000
  run dne-demo-cache dne-demo-data "$image" sleep 1000000
  run dne-demo-v6 dne-demo-v6 --ip6 fd00:dead:beef::66 "$image" sleep 1000000
  run dne-demo-job dne-demo-backend $(compose_labels migrate) "$image" sh -c 'exit 0' # exits: a stopped endpoint
}
for c in "${containers[@]}"; do
  [ "$c" = dne-demo-job ] && continue
  [ "$(docker inspect -f '{{.State.Running}}' "$c")" = true ] || docker start "$c" >/dev/null
done
say "engine state ready: networks ${networks[*]}"

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
