#!/usr/bin/env bash
# Installs what is missing (scripts/setup.sh), builds the editor for release, and the embed
# beside it (dist/embed: the editor's worker for long fields runs its WebAssembly), and
# serves them at http://127.0.0.1:8080 (PORT=… to change). The release build is served as it will be
# deployed: static files, the app loaded from a script file (see Trunk.toml).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build-web.sh
# After the editor: Trunk empties dist/ when it builds.
bash scripts/build-embed.sh
PORT="${PORT:-8080}"
printf '\n\033[1mcinplan editor: http://127.0.0.1:%s\033[0m (Ctrl+C stops it)\n\n' "$PORT"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
