#!/usr/bin/env bash
# Builds the local image dne-busybox:latest from Debian's static busybox: no registry is reachable here.
set -euo pipefail
image="${DNE_TEST_IMAGE:-dne-busybox:latest}"
if docker image inspect "$image" >/dev/null 2>&1; then exit 0; fi
root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/bin"
cp /bin/busybox "$root/bin/"
for c in sh sleep ip ping nc nslookup wget cat hostname ifconfig route ls echo; do ln -sf busybox "$root/bin/$c"; done
tar -C "$root" -c . | docker import -c 'CMD ["sleep","1000000"]' - "$image" >/dev/null
echo "make-test-image: built $image"
