#!/usr/bin/env bash
# Where the Hardened Boot variant's extra CPU per request goes (docs/benchmarks.md, "Where the
# time goes"): one endpoint on plain Boot, on Hardened Boot at its defaults, and on Hardened Boot
# with one part switched off at a time, by its own property.
#
#   benchmarks/breakdown.sh          GET /hello, ~15 min, after benchmarks/run.sh has built the variants
#   benchmarks/breakdown.sh db       GET /hello/db (one PostgreSQL query), ~30 min
#   BREAKDOWN_ROWS=1,2 benchmarks/breakdown.sh    only those rows (configurations, in order)
#
# Each configuration runs in a fresh JVM (JDK 17, -Xmx512m), is warmed up with wrk -t2 -c50 for
# BREAKDOWN_WARMUP seconds (default 150), then measured in 3 runs of 10 s. For /hello/db the JVM
# first serves /hello for BREAKDOWN_PREWARM seconds (default 60): see warm_up in variant-jvm.sh.
# The figure is the process's CPU time (user + system, from /proc/<pid>/stat) divided by the
# requests it answered: unlike req/s, it hardly moves when something else takes a core, because
# it does not count the time the service waited for one. Medians of the 3 runs; a row's
# difference to the defaults is what that part costs per request.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=benchmarks/variant-jvm.sh
source "$root/benchmarks/variant-jvm.sh"
warmup="${BREAKDOWN_WARMUP:-150}"
prewarm="${BREAKDOWN_PREWARM:-60}"
endpoint="${1:-hello}"
port="${BREAKDOWN_PORT:-18190}"
require_built "$(variant_jar plain)" "$(variant_jar hardened)"
work="$root/benchmarks/results/raw/breakdown"
mkdir -p "$work"
# The plain variant writes its log file into its working directory.
cd "$work"

# label | variant | application arguments
case "$endpoint" in
	hello)
		path=/hello
		configurations=(
			"plain Boot|plain|"
			"Hardened Boot, defaults|hardened|"
			"... tracing off (management.tracing.enabled=false)|hardened|--management.tracing.enabled=false"
			"... Boot's HTTP server observation off: no http.server.requests timer, no server span (management.observations.enable.http.server.requests=false)|hardened|--management.observations.enable.http.server.requests=false"
			"... Hardened Boot's servlet filters off (request id, deadline, security headers, load shedding, repeated-query ledger)|hardened|--hardened.request.enabled=false --hardened.security.headers.enabled=false --hardened.resilience.load-shedding.enabled=false --hardened.data.repeated-query.enabled=false"
			"... the actuator on its own port (management.server.port): its handler mapping, ordered before the application's, no longer sees application requests|hardened|--management.server.port=0"
		)
		;;
	db)
		path=/hello/db
		configurations=(
			"plain Boot|plain|"
			"Hardened Boot, defaults|hardened|"
			"... leak detection off (spring.datasource.hikari.leak-detection-threshold=0)|hardened|--spring.datasource.hikari.leak-detection-threshold=0"
			"... HikariCP's own leak detection, a stack per borrow, instead of borrow tracking (hardened.data.pool.leak-stack-capture=every-borrow)|hardened|--hardened.data.pool.leak-stack-capture=every-borrow"
			"... JDBC spans and timers off (hardened.data.tracing.enabled=false)|hardened|--hardened.data.tracing.enabled=false"
			"... statement deadline and repeated-query counting off (hardened.data.statement.enabled=false, hardened.data.repeated-query.enabled=false)|hardened|--hardened.data.statement.enabled=false --hardened.data.repeated-query.enabled=false"
			"... tracing off (management.tracing.enabled=false)|hardened|--management.tracing.enabled=false"
			"... Boot's HTTP server observation off (management.observations.enable.http.server.requests=false)|hardened|--management.observations.enable.http.server.requests=false"
		)
		;;
	*)
		echo "usage: benchmarks/breakdown.sh [hello|db]" >&2
		exit 2
		;;
esac

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
ticks_per_second=$(getconf CLK_TCK)

echo "GET $path"
echo "| configuration | CPU µs per request | req/s | non-2xx |"
echo "|---|---|---|---|"
row=0
for entry in "${configurations[@]}"; do
	row=$((row + 1))
	# BREAKDOWN_ROWS=1,2,6 measures only those rows of the table.
	if [[ -n "${BREAKDOWN_ROWS:-}" && ",$BREAKDOWN_ROWS," != *",$row,"* ]]; then
		continue
	fi
	IFS='|' read -r label variant args <<<"$entry"
	# shellcheck disable=SC2086 # args is a list of options
	start_variant "$variant" "$port" $args
	warm_up "$port" "$path" "$prewarm" "$warmup"
	cpu=(); rps=(); failed=0
	for _ in 1 2 3; do
		before=$(cpu_ticks "$pid")
		out=$(wrk -t2 -c50 -d10s "http://127.0.0.1:$port$path")
		after=$(cpu_ticks "$pid")
		requests=$(awk '/requests in/ {print $1}' <<<"$out")
		cpu+=("$(awk -v t=$((after - before)) -v hz="$ticks_per_second" -v n="$requests" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}')")
		rps+=("$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out")")
		failed=$((failed + $(awk '/Non-2xx/ {print $5}' <<<"$out" | grep . || echo 0)))
	done
	stop_variant "$pid"
	echo "| $label | $(median "${cpu[@]}") | $(median "${rps[@]}") | $failed |"
	port=$((port + 1))
done
