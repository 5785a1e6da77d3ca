#!/usr/bin/env bash
# Reproduces every figure in docs/performance.md, in one run, into target/perf/REPORT.md:
#   1. the core natively (criterion): a field, whole plans of 10 KB / 100 KB / 1 MB, long
#      pastes, the timeline of a year-long plan, working-day sums; targets and linearity
#   2. release builds of the editor (dist/) and the embed (dist/embed), and their sizes
#   3. cinplan beside harper.js and write-good in Node, on the same text
#   4. the browser: the core in Chromium (and write-good in the same page), the editor and
#      the embed: time to first findings, keystroke-to-marks latency, memory after edits
#
#   bash scripts/bench.sh            everything (about 15 minutes on 2 idle cores)
#   bash scripts/bench.sh --quick    shorter runs, for checking the machinery
#   bash scripts/bench.sh --only native,sizes,peers,browser   a subset
#   bash scripts/bench.sh --no-build use dist/ as it is
#
# Timing figures need a quiet machine: the load average is recorded before and after each
# part, and docs/performance.md gives the figures with the load they were taken at.
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=""
ONLY="native,sizes,peers,browser"
BUILD=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) QUICK="--quick" ;;
    --only) ONLY="$2"; shift ;;
    --no-build) BUILD=0 ;;
    *) echo "bench.sh: unknown option $1 (see the comment at the top)" >&2; exit 2 ;;
  esac
  shift
done
wants() { [[ ",$ONLY," == *",$1,"* ]]; }

OUT=target/perf
mkdir -p "$OUT"
REPORT="$OUT/REPORT.md"
say() { printf '\n\033[1m[bench] %s\033[0m\n' "$*"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

bash scripts/setup.sh >/dev/null
export PATH="$PWD/tests/node_modules/.bin:$PATH"
if [ ! -d tests/perf/node_modules ] || [ tests/perf/package-lock.json -nt tests/perf/node_modules/.package-lock.json ]; then
  say "installing the benchmark's own npm packages (harper.js, write-good, esbuild) in tests/perf"
  (cd tests/perf && npm ci --no-audit --no-fund --loglevel=error)
fi

{
  echo "# cinplan performance run, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Commit $(git rev-parse --short HEAD)$(git diff --quiet || echo ' (with uncommitted changes)')."
  echo "Machine: $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), $(nproc) cores, $(free -g | awk '/^Mem:/{print $2}') GiB;"
  echo "$(rustc --version), Node $(node --version), $(/usr/bin/chromium --version 2>/dev/null | head -1)."
  echo "Load average at the start: $(load)."
} >"$REPORT"

say "writing the corpora (target/perf-corpus)"
cargo run -q --release --locked -p cinplan-core --example perf_corpus -- target/perf-corpus

if wants native; then
  say "criterion: the core natively (load $(load))"
  echo -e "\n## The core, natively (criterion; load before: $(load))\n" >>"$REPORT"
  started=$(date +%s)
  export CINPLAN_PERF_SINGLE="$PWD/$OUT/single-shot.jsonl"
  : >"$CINPLAN_PERF_SINGLE"
  if [ -n "$QUICK" ]; then
    cargo bench -q --locked -p cinplan-core --bench core -- --warm-up-time 0.2 --measurement-time 0.5 --noplot
  else
    cargo bench -q --locked -p cinplan-core --bench core -- --noplot
  fi
  node tests/perf/criterion-summary.js --out "$OUT/native.md" --single "$CINPLAN_PERF_SINGLE" --since "$started"
  cat "$OUT/native.md" >>"$REPORT"
  echo -e "\nLoad after: $(load)." >>"$REPORT"
fi

if [ "$BUILD" = 1 ] && { wants sizes || wants peers || wants browser; }; then
  say "release builds: the editor (dist/), then the embed (dist/embed)"
  # Trunk replaces dist/ on each build, so the embed is built after it.
  if [ -f scripts/build-web.sh ]; then
    bash scripts/build-web.sh
  else
    TRUNK_OFFLINE=true TRUNK_SKIP_VERSION_CHECK=true trunk build --release
  fi
  bash scripts/build-embed.sh
fi

if wants sizes; then
  say "sizes against the budgets"
  echo -e "\n## Download sizes (gzip -9, each file on its own)\n" >>"$REPORT"
  echo '```' >>"$REPORT"
  node --test tests/perf/size-budget.test.js 2>&1 | grep -E '^# (editor|embed|  )|KiB|^# (pass|fail)' | sed 's/^# //' | tee -a "$REPORT" || true
  echo '```' >>"$REPORT"
fi

if wants peers; then
  say "cinplan, harper.js and write-good in Node, on the same text (load $(load))"
  echo -e "\n## Beside its peers, in Node (load before: $(load))\n" >>"$REPORT"
  node tests/perf/peers.js --corpus target/perf-corpus --embed dist/embed --out "$OUT/peers.json" $QUICK
  cat "$OUT/peers.md" >>"$REPORT"
  echo -e "\nLoad after: $(load)." >>"$REPORT"
fi

if wants browser; then
  say "the browser: core, editor, embed (load $(load))"
  # write-good for the page: bundled as a plain script, as a host page would load it.
  printf 'import writeGood from "write-good";\nglobalThis.writeGood = writeGood;\n' >tests/perf/.write-good-entry.mjs
  tests/perf/node_modules/.bin/esbuild tests/perf/.write-good-entry.mjs --bundle --minify \
    --format=iife --outfile="$OUT/write-good.min.js" --log-level=warning
  rm -f tests/perf/.write-good-entry.mjs
  echo -e "\n## In the browser (load before: $(load))\n" >>"$REPORT"
  status=0
  node tests/perf/browser-bench.js --out "$OUT/browser.json" $QUICK || status=$?
  cat "$OUT/browser.md" >>"$REPORT"
  echo -e "\nLoad after: $(load)." >>"$REPORT"
  [ "$status" = 0 ] || echo "[bench] some browser measurements failed: see $OUT/browser.md" >&2
fi

say "done: $REPORT"
cat "$REPORT"
