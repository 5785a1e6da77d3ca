#!/usr/bin/env bash
# Installs what is missing (scripts/setup.sh), builds the editor for release and serves it
# at http://127.0.0.1:8080 (PORT=… to change). The release build is served as it will be
# deployed: static files, the app loaded from a script file (see Trunk.toml).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-web.sh
PORT="${PORT:-8080}"
printf '\n\033[1mcinplan editor: http://127.0.0.1:%s\033[0m (Ctrl+C stops it)\n\n' "$PORT"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
