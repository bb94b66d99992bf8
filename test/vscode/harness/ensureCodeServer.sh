#!/usr/bin/env bash
# Installs code-server (the VS Code server, its web workbench and the real Node extension host) from the npm
# registry into .vscode-test/code-server-<version>, without any download from outside the npm registry.
# Idempotent. Prints the path of code-server's entry script on stdout; everything else goes to stderr.
# Needs Debian's ripgrep, libkrb5-dev, build-essential and python3 (.ci/run installs them).
set -euo pipefail
# code-server pins Node's major version: 4.100.3 (VS Code 1.100.3) is the last release for Node 20.
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.100.3}
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
DEST=${CODE_SERVER_DIR:-$ROOT/.vscode-test/code-server-$CODE_SERVER_VERSION}
ENTRY="$DEST/node_modules/code-server/out/node/entry.js"
if [ -f "$DEST/.installed" ] && [ -f "$ENTRY" ]; then echo "$ENTRY"; exit 0; fi

command -v rg >/dev/null || { echo "ensureCodeServer: ripgrep is missing (apt-get install -y ripgrep)" >&2; exit 1; }
[ -f /usr/include/gssapi/gssapi.h ] || { echo "ensureCodeServer: gssapi.h is missing (apt-get install -y libkrb5-dev)" >&2; exit 1; }

echo "ensureCodeServer: installing code-server $CODE_SERVER_VERSION into $DEST (about a minute, once)" >&2
rm -rf "$DEST"; mkdir -p "$DEST"
echo '{"name":"bimlink-explorer-code-server","private":true}' > "$DEST/package.json"
cd "$DEST"
# 1) Unpack code-server without running any install script yet.
npm install --no-audit --no-fund --ignore-scripts "code-server@$CODE_SERVER_VERSION" >&2

# 2) @vscode/ripgrep's postinstall downloads rg from GitHub unless its cache holds the archive: seed the cache
#    with Debian's rg, under the name that postinstall looks for.
RG_VERSION=$(node -p "require('./node_modules/code-server/lib/vscode/npm-shrinkwrap.json').packages['node_modules/@vscode/ripgrep'].version")
WORK=$(mktemp -d)
( cd "$WORK" && npm pack --silent "@vscode/ripgrep@$RG_VERSION" >/dev/null && tar xzf ./*.tgz )
RG_TAG=$(sed -n "s/^const VERSION = '\(.*\)';/\1/p" "$WORK/package/lib/postinstall.js")
case $(uname -m) in aarch64|arm64) TARGET=aarch64-unknown-linux-musl ;; *) TARGET=x86_64-unknown-linux-musl ;; esac
RG_CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-$RG_VERSION"
mkdir -p "$RG_CACHE"
cp "$(command -v rg)" "$WORK/rg"
tar czf "$RG_CACHE/ripgrep-$RG_TAG-$TARGET.tar.gz" -C "$WORK" rg
rm -rf "$WORK"

# 3) Run the install scripts: code-server's postinstall installs its VS Code part and builds the native modules
#    against the local Node headers. unsafe-perm: it refuses to run as root otherwise; yes: node-pty's postinstall
#    runs `npx node-gyp`, which would wait for a confirmation.
npm_config_unsafe_perm=true npm_config_yes=true npm rebuild --foreground-scripts >&2
touch "$DEST/.installed"
echo "$ENTRY"
