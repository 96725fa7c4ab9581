#!/usr/bin/env bash
# Starts a Docker engine when none answers (no systemd on these machines); leaves a running one alone.
set -euo pipefail
if docker info >/dev/null 2>&1; then exit 0; fi
if [ -n "${DOCKER_HOST:-}" ]; then
  echo "start-engine: DOCKER_HOST=$DOCKER_HOST does not answer; not starting a local engine" >&2
  exit 1
fi
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
