#!/usr/bin/env bash
# A second Docker engine for the multi-engine (and later Swarm and plugin) tests, isolated from the shared one:
# its own network namespace, data root, exec root, pid file and socket (see shared PLATFORM.md). A second dockerd
# in the host's namespace would fight the shared engine over docker0 and iptables, so it never runs there.
#   second-engine.sh start [NAME]   starts it (idempotent) and prints its socket: unix:///run/NAME.sock
#   second-engine.sh stop [NAME]    stops it and removes the namespace, the veth pair and its data
#   second-engine.sh link NAME PEER  joins two started engines' namespaces by a veth pair of their own (no host
#                                    routing): NAME gets $DNE_E2_LINK_NET.1/30, PEER .2 (a two-manager Swarm's link)
# NAME defaults to dne-e2; its /30 comes from DNE_E2_NET (default 10.250.9), host side .1, engine side .2.
# DNE_E2_PRIVATE_PLUGINS=1: dockerd runs in a mount namespace of its own where /run/docker/plugins (the fixed path
# where engines discover legacy plugins) is /run/NAME/plugins, so the test's plugin sockets stay out of the shared
# engine's sight; the host sees them at /run/NAME/plugins.
# Root only. Stops only the dockerd named by its own pid file.
set -euo pipefail
action="${1:-}"
name="${2:-dne-e2}"
net="${DNE_E2_NET:-10.250.9}"
sock="/run/$name.sock"
exec_root="/run/$name"
data_root="/var/lib/$name"
pidfile="$exec_root/dockerd.pid"
log="/var/log/$name.log"
ns="/var/run/netns/$name"

answers() { docker -H "unix://$sock" info >/dev/null 2>&1; }
running_pid() {
  local pid
  pid="$(cat "$pidfile" 2>/dev/null)" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dockerd ] && echo "$pid"
}

start() {
  if answers; then echo "unix://$sock"; return 0; fi
  if [ ! -e "$ns" ]; then
    ip netns add "$name"
    ip link add "${name}h" type veth peer name "${name}n"
    ip link set "${name}n" netns "$name"
    ip addr add "$net.1/30" dev "${name}h"
    ip link set "${name}h" up
    # nsenter, not `ip netns exec`: the latter remounts /sys and dockerd then fails on the devices cgroup.
    nsenter --net="$ns" sh -c "ip addr add $net.2/30 dev ${name}n && ip link set ${name}n up && ip link set lo up"
  fi
  mkdir -p "$exec_root" "$data_root"
  if ! running_pid >/dev/null; then
    rm -f "$pidfile"
    local daemon=(dockerd --data-root "$data_root" --exec-root "$exec_root" --pidfile "$pidfile" -H "unix://$sock")
    if [ "${DNE_E2_PRIVATE_PLUGINS:-}" = 1 ]; then
      mkdir -p "$exec_root/plugins" /run/docker/plugins
      # The bind mount exists only in dockerd's own mount namespace; exec keeps the pid dockerd writes.
      nsenter --net="$ns" setsid nohup unshare --mount --propagation private \
        sh -c 'mount --bind "$0" /run/docker/plugins && exec "$@"' "$exec_root/plugins" "${daemon[@]}" \
        >>"$log" 2>&1 </dev/null &
    else
      nsenter --net="$ns" setsid nohup "${daemon[@]}" >>"$log" 2>&1 </dev/null &
    fi
  fi
  for _ in $(seq 1 90); do
    if answers; then
      # The test image, so containers run there too (nothing is ever pulled).
      if ! docker -H "unix://$sock" image inspect dne-busybox:latest >/dev/null 2>&1; then
        docker save dne-busybox:latest | docker -H "unix://$sock" load >/dev/null
      fi
      echo "unix://$sock"
      return 0
    fi
    sleep 1
  done
  echo "second-engine: $name did not answer within 90 s; see $log" >&2
  tail -n 20 "$log" >&2 || true
  return 1
}

stop() {
  local pid
  if pid="$(running_pid)"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do
      [ -d "/proc/$pid" ] || break
      sleep 0.5
    done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  ip link del "${name}h" 2>/dev/null || true
  [ -e "$ns" ] && ip netns del "$name"
  rm -rf "$exec_root" "$sock"
  # The data root holds overlay mounts only while the daemon runs; it is safe to drop once it has stopped.
  rm -rf "$data_root" 2>/dev/null || true
}

link() {
  local peer="${3:-}" link_net="${DNE_E2_LINK_NET:-10.250.23}"
  [ -n "$peer" ] && [ -e "/var/run/netns/$peer" ] && [ -e "$ns" ] || {
    echo "second-engine: link needs two started engines" >&2
    return 2
  }
  # Interface names: at most 15 characters; each end lives in its namespace only and goes with it on stop.
  local here="${name:0:11}-l" there="${peer:0:11}-l"
  nsenter --net="$ns" ip link show "$here" >/dev/null 2>&1 && return 0
  ip link add "$here" netns "$name" type veth peer name "$there" netns "$peer"
  nsenter --net="$ns" sh -c "ip addr add $link_net.1/30 dev $here && ip link set $here up"
  nsenter --net="/var/run/netns/$peer" sh -c "ip addr add $link_net.2/30 dev $there && ip link set $there up"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  link) link "$@" ;;
  *) echo "usage: second-engine.sh start|stop [NAME] | link NAME PEER" >&2; exit 2 ;;
esac
