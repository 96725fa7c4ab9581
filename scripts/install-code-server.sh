#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3, the newest that runs on Node 20) as the test host.
# Target: $DNE_CODE_SERVER_DIR, default <repo>/.vscode-test/code-server (git-ignored). Point several clones
# at one folder with DNE_CODE_SERVER_DIR to install it once.
# Its npm postinstall downloads ripgrep from the internet and asks before fetching node-gyp, so the install is
# done by hand: --ignore-scripts, Debian's rg copied in, native modules rebuilt (see docs in PLATFORM notes).
# Idempotent: a marker file written at the very end says the folder is complete; a partial folder is redone.
set -euo pipefail

version="4.100.3"
repo="$(cd "$(dirname "$0")/.." && pwd)"
dir="${DNE_CODE_SERVER_DIR:-$repo/.vscode-test/code-server}"
marker="$dir/.dne-installed-$version"

if [ -f "$marker" ]; then
  echo "install-code-server: $version already installed in $dir"
  exit 0
fi

fail() { echo "install-code-server: $*" >&2; exit 1; }

command -v node >/dev/null || fail "node is missing (Node 20 is required)"
command -v npm >/dev/null || fail "npm is missing"
rg_bin="$(command -v rg || true)"
[ -n "$rg_bin" ] || fail "ripgrep (rg) is missing: run scripts/setup-machine.sh as root (apt-get install ripgrep)"
for h in /usr/include/krb5.h /usr/include/X11/extensions/XKBfile.h; do
  [ -f "$h" ] || fail "$h is missing: run scripts/setup-machine.sh as root (libkrb5-dev libxkbfile-dev libsecret-1-dev pkg-config)"
done

start=$(date +%s)
echo "install-code-server: installing code-server $version into $dir (about 3 minutes on 2 cores)"
rm -rf "$dir"
mkdir -p "$dir"
cd "$dir"
# Native builds as root: npm 11 no longer takes --unsafe-perm, the env form still reaches node-gyp.
export npm_config_unsafe_perm=true npm_config_yes=true npm_config_fund=false npm_config_audit=false
export npm_config_update_notifier=false npm_config_loglevel=error

echo '{"name":"dne-code-server-host","private":true}' >package.json
step() { echo "install-code-server: $*"; }

step "npm install code-server@$version --ignore-scripts"
npm install --no-save "code-server@$version" --ignore-scripts >/dev/null

vs="$dir/node_modules/code-server/lib/vscode"
[ -d "$vs" ] || fail "unexpected package layout: $vs not found"
cd "$vs"
step "installing the VS Code server's own dependencies"
npm install --omit=dev --ignore-scripts >/dev/null
# @vscode/ripgrep's postinstall would download rg: use Debian's.
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$rg_bin" node_modules/@vscode/ripgrep/bin/rg
step "rebuilding native modules (kerberos, node-pty, spdlog, watcher...)"
npm rebuild >/dev/null
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sfn code-linux.sh code-server)
(cd bin/helpers && ln -sfn browser-linux.sh browser.sh)
step "installing the built-in extensions' dependencies"
(cd extensions && npm install --omit=dev >/dev/null)
cd "$dir"
step "rebuilding argon2"
npm rebuild argon2 >/dev/null

bin="$dir/node_modules/.bin/code-server"
[ -x "$bin" ] || fail "$bin was not created"
# --config: keep code-server from writing ~/.config/code-server/config.yaml just to print its version.
got="$("$bin" --config "$dir/config.yaml" --version 2>/dev/null || true)"
grep -q "^$version " <<<"$got" || fail "code-server --version printed '$got', expected $version"
date -u +%FT%TZ >"$marker"
echo "install-code-server: done in $(( $(date +%s) - start )) s ($bin)"
