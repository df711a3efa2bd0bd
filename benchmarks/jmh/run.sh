#!/usr/bin/env bash
# JMH micro-benchmarks of the per-request, per-statement and per-line hot paths, with JMH's GC
# profiler (B/op). Installs the starters from this checkout, builds the benchmarks, runs them
# and rewrites the JMH section of docs/benchmarks.md from the results.
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

./mvnw -B -q install -DskipTests -Dinvoker.skip=true -pl starter -am
./mvnw -B -q -f benchmarks/jmh/pom.xml package -DskipTests

mkdir -p benchmarks/results
results=benchmarks/results/jmh.json
java -cp "benchmarks/jmh/target/classes:$(cat benchmarks/jmh/target/classpath.txt)" org.openjdk.jmh.Main \
	-prof gc -rf json -rff "$results" "${defaults[@]}" "${jmh_args[@]}"

if [ "$quick" = true ]; then
	python3 benchmarks/jmh/report.py "$results"
else
	python3 benchmarks/jmh/report.py "$results" --write docs/benchmarks.md
fi
