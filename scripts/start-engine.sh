#!/usr/bin/env bash
# Starts a Docker engine when none answers (no systemd on these machines); leaves a running one alone.
set -euo pipefail
if docker info >/dev/null 2>&1; then exit 0; fi
if [ -n "${DOCKER_HOST:-}" ]; then
  echo "start-engine: DOCKER_HOST=$DOCKER_HOST does not answer; not starting a local engine" >&2
  exit 1
fi
# The shared engine is the dockerd named by /var/run/docker.pid (dockerd's default pid file); other dockerd
# processes (the multi-host tests' second engine in its own namespace) are not ours to wait for.
pidfile=/var/run/docker.pid
shared_engine_runs() {
  local pid
  pid="$(cat "$pidfile" 2>/dev/null)" || return 1
  [[ "$pid" =~ ^[0-9]+$ ]] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = dockerd ]
}
# A dockerd that is starting up, or still shutting down (stopping containers, then holding its pid file
# until it exits), must not get a twin: wait until it answers or is gone.
for _ in $(seq 1 120); do
  shared_engine_runs || break
  if docker info >/dev/null 2>&1; then exit 0; fi
  sleep 0.5
done
if shared_engine_runs; then
  echo "start-engine: dockerd (pid $(cat "$pidfile")) runs but has not answered for 60 s; see /var/log/dockerd.log" >&2
  exit 1
fi
# The shared engine does not run: a pid file left by one that died would stop the new one from starting.
rm -f "$pidfile"
echo "start-engine: starting dockerd"
mkdir -p /var/log
# setsid: its own session, so Ctrl-C or a timeout on the calling script never takes the engine down with it.
setsid nohup dockerd >>/var/log/dockerd.log 2>&1 </dev/null &
for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then echo "start-engine: engine up"; exit 0; fi
  sleep 1
done
echo "start-engine: dockerd did not answer within 60 s; see /var/log/dockerd.log" >&2
tail -n 20 /var/log/dockerd.log >&2 || true
exit 1
