# Sourced by benchmarks/breakdown.sh and benchmarks/profile.sh: one benchmark variant in its own
# JVM, warmed up the same way in both. Expects $root set to the repository's root.

java="${BENCH_JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-amd64}/bin/java"
jars="$root/benchmarks"

# require_built FILE...: exits unless every jar was built and wrk is installed.
require_built() {
	local jar
	for jar in "$@"; do
		if [[ ! -f "$jar" ]]; then
			echo "$jar is not built: run benchmarks/run.sh --quick (or the Maven build it runs) first." >&2
			exit 1
		fi
	done
	command -v wrk >/dev/null || { echo "wrk is missing: benchmarks/run.sh installs it." >&2; exit 1; }
}

variant_jar() {
	echo "$jars/$1/target/hardened-boot-benchmarks-$1.jar"
}

# start_variant VARIANT PORT [ARGUMENT...]: starts the variant (JDK 17, -Xmx512m) in the current
# directory, where the plain variant writes its log file, and waits until it answers (exits if it
# does not within 60 s); sets $pid.
start_variant() {
	local variant="$1" port="$2"
	shift 2
	"$java" -Xmx512m -jar "$(variant_jar "$variant")" --server.port="$port" "$@" >"$variant-$port.log" 2>&1 &
	pid=$!
	for _ in $(seq 1 120); do
		curl -sf "http://127.0.0.1:$port/hello" >/dev/null && return
		sleep 0.5
	done
	echo "$variant did not answer on port $port within 60 s; its log: $PWD/$variant-$port.log" >&2
	stop_variant "$pid"
	exit 1
}

# warm_up PORT PATH PREWARM WARMUP: wrk -t2 -c50 on PATH for WARMUP seconds; for another path
# than /hello, PREWARM seconds of /hello first, as in benchmarks/run.sh, where the /hello rounds
# come first: a fresh JVM driven straight on /hello/db spends minutes compiling (two cores,
# request threads starving the JIT) and measures the compiler, not the stack.
warm_up() {
	local port="$1" path="$2" prewarm="$3" warmup="$4"
	if [[ "$path" != /hello ]]; then
		wrk -t2 -c50 -d"${prewarm}s" "http://127.0.0.1:$port/hello" >/dev/null
	fi
	wrk -t2 -c50 -d"${warmup}s" "http://127.0.0.1:$port$path" >/dev/null
}

stop_variant() {
	kill "$1"
	wait "$1" 2>/dev/null || true
}
