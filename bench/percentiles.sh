#!/usr/bin/env bash
# Reads latencies in nanoseconds, one per line, and prints count, p50, p90, p99 and max in milliseconds.
set -euo pipefail
sort -n "${1:--}" | awk '{ v[NR] = $1 }
  function at(q) { i = int(q * NR + 0.999999); if (i < 1) i = 1; return v[i] / 1e6 }
  END { if (NR == 0) { print "no samples"; exit 1 }
        printf "%d samples: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n", NR, at(0.5), at(0.9), at(0.99), v[NR] / 1e6 }'
