#!/usr/bin/env bash
# JMH micro-benchmarks of the per-request, per-statement and per-line hot paths, with JMH's GC
# profiler (B/op). Builds the benchmarks with the starters of this checkout, runs them and
# rewrites the JMH section of docs/benchmarks.md from the results (benchmarks/run.sh runs it
# after the load rounds).
#
#   benchmarks/jmh/run.sh                 # every benchmark, 1 fork x 5 x 1 s after 5 x 1 s warm-up (~6 min)
#   benchmarks/jmh/run.sh --quick         # 1 fork x 1 x 1 s, to check the pipeline (numbers mean nothing)
#   benchmarks/jmh/run.sh FilterChain     # any further arguments go to JMH (a benchmark regex, -p ...)
set -euo pipefail
cd "$(dirname "$0")/../.."

# One setting for every benchmark: average time in ns, JDK 17 with the load tests' heap.
jmh_args=(-bm avgt -tu ns -jvmArgs -Xmx512m)
defaults=(-f 1 -wi 5 -w 1s -i 5 -r 1s)
quick=false
for arg in "$@"; do
	if [ "$arg" = "--quick" ]; then
		quick=true
		defaults=(-f 1 -wi 1 -w 1s -i 1 -r 1s)
	else
		jmh_args+=("$arg")
	fi
done

# The starters are built from this checkout in the same reactor; nothing is installed into ~/.m2.
# shellcheck disable=SC2086 # BENCH_MAVEN_ARGS is a list of options
./mvnw -B -q ${BENCH_MAVEN_ARGS:-} -Pbenchmarks -pl benchmarks/jmh -am package \
	-DskipTests -Dinvoker.skip=true -Djacoco.skip=true

mkdir -p benchmarks/results/raw
results=benchmarks/results/raw/jmh.json
java -cp "benchmarks/jmh/target/classes:$(cat benchmarks/jmh/target/classpath.txt)" org.openjdk.jmh.Main \
	-prof gc -rf json -rff "$results" "${defaults[@]}" "${jmh_args[@]}"

if [ "$quick" = true ]; then
	python3 benchmarks/jmh/report.py "$results"
else
	python3 benchmarks/jmh/report.py "$results" --write docs/benchmarks.md
fi
