#!/usr/bin/env bash
# Prepares a fresh Debian machine (as root) for running and testing the extension:
# Docker engine (started only when none answers), a local busybox image, Chromium, and the
# native build dependencies of code-server. A machine that already runs Docker is left alone.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

need_pkgs=()
command -v dockerd >/dev/null 2>&1 || need_pkgs+=(docker.io)
[ -x /bin/busybox ] || need_pkgs+=(busybox-static)
command -v chromium >/dev/null 2>&1 || need_pkgs+=(chromium)
command -v rg >/dev/null 2>&1 || need_pkgs+=(ripgrep)
command -v curl >/dev/null 2>&1 || need_pkgs+=(curl)
# sshd on loopback is the ssh:// engine of the Switch Engine tests (key file + ~/.ssh/config, no agent).
[ -x /usr/sbin/sshd ] || need_pkgs+=(openssh-server)
for p in libkrb5-dev libxkbfile-dev libsecret-1-dev pkg-config iproute2 procps; do
  dpkg -s "$p" >/dev/null 2>&1 || need_pkgs+=("$p")
done
if [ ${#need_pkgs[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "setup: missing packages ${need_pkgs[*]}; run this script as root (apt-get)" >&2
    exit 1
  fi
  echo "setup: installing ${need_pkgs[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_pkgs[@]}" >/dev/null
fi

bash "$here/start-engine.sh"
bash "$here/make-test-image.sh"
