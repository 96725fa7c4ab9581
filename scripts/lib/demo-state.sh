#!/usr/bin/env bash
# The demo's engine state (all named dne-demo-*), created unless present; started when stopped. Used by
# scripts/demo.sh and by the e2e suite that takes the README's screenshots (test/e2e/docsImages.e2e.ts).
#   bash scripts/lib/demo-state.sh          create what is missing
set -euo pipefail
image="${DNE_TEST_IMAGE:-dne-busybox:latest}"
project=demo
say() { echo "demo: $*"; }
containers=(dne-demo-web dne-demo-api dne-demo-db dne-demo-cache dne-demo-v6 dne-demo-job)
networks=(dne-demo-frontend dne-demo-backend dne-demo-data dne-demo-v6)

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
