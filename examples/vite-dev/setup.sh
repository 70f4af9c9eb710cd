#!/bin/sh
# Installs the example's dev dependencies (Vite, pinned by app/package-lock.json) with npm.
#
#   ./setup.sh         into app/node_modules
#   ./setup.sh DIR     into DIR/node_modules instead: a cache shared by several copies of the app (each copy
#                      links its node_modules there; the tests keep theirs under build/)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
command -v npm >/dev/null 2>&1 || { echo "setup.sh: npm not found (Node.js 20.19+ or 22.12+ is needed)" >&2; exit 127; }
dest=${1:-$here/app}
mkdir -p "$dest"
dest=$(cd "$dest" && pwd)
if [ "$dest" != "$here/app" ]; then
    cp "$here/app/package.json" "$here/app/package-lock.json" "$dest/"
fi
cd "$dest"
# npm ci: exactly the locked versions, or a clear error if package.json and the lock disagree.
exec npm ci --no-audit --no-fund
