#!/usr/bin/env bash
# Case 7: asyncio. N ate.sn_detail.get calls in flight at once (1,000 at full size) with
# asyncio.gather through meslink.AsyncClient, httpx.AsyncClient and aiohttp.ClientSession on
# the same simulator endpoint, each row with the CPU its calls cost the client and the
# simulator (bench/lib/cpu.py). Goal: meslink ≥ 2× the faster of httpx and aiohttp.
# httpx and aiohttp are installed into the bench venv when missing.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/../lib/case.sh"

n="$(pick 100 1000)"
url="$MESLINK_SIM_URL"
py="$MESLINK_BENCH_PY"
aio="$MESLINK_BENCH_ROOT/bench/python/aio_bench.py"
results="$MESLINK_BENCH_WORK/07-asyncio.jsonl"
: >"$results"

if ! "$py" -c 'import httpx, aiohttp' 2>/dev/null; then
    "$py" -m pip install --quiet --disable-pip-version-check httpx aiohttp >&2 ||
        echo "07-asyncio: httpx/aiohttp could not be installed; their rows will be missing" >&2
fi

echo "### Case 7: asyncio.gather of ate.sn_detail.get (N = $n in flight, $MESLINK_BENCH_RUNS run(s) a row)"
echo
cpu=(python3 "$MESLINK_BENCH_ROOT/bench/lib/cpu.py" "$MESLINK_SIM_PID" --)
for run in $(seq "$MESLINK_BENCH_RUNS"); do
    echo "run $run of $MESLINK_BENCH_RUNS" >&2
    for client in meslink httpx aiohttp; do
        measure "$results" "${cpu[@]}" "$py" "$aio" "$url" "$n" "$client" || true
    done
done

m="meslink AsyncClient, asyncio.gather"
h="httpx.AsyncClient, asyncio.gather"
a="aiohttp.ClientSession, asyncio.gather"
table "$results" --title "ate.sn_detail.get × $n in flight" --baseline "$a" --rows "$m" "$h" "$a" \
    --goal "AsyncClient ≥ 2× httpx::$m::$h::2" \
    --goal "AsyncClient ≥ 2× aiohttp::$m::$a::2"
echo "Wall time of the gather after one warm-up call (login, first connection); p50/p99 are the"
echo "calls' own latencies inside the gather. The plain clients log in once before timing and"
echo "parse every answer as JSON, as meslink does. Load: $(load_now)."
echo
