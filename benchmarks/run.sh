#!/usr/bin/env bash
# The one command for Hardened Boot's benchmarks (docs/benchmarks.md):
#
#   benchmarks/run.sh                    full run: ~30 min plus the build, then the JMH
#                                        micro-benchmarks (benchmarks/jmh/run.sh, ~6 min)
#   benchmarks/run.sh --quick            a few minutes: checks the pipeline, measures nothing
#   benchmarks/run.sh --only=load        only start-up and the wrk rounds (or --only=overload)
#   benchmarks/run.sh --accept-baseline  make the last full run's ratios benchmarks/baseline.json
#
# It installs wrk and gnuplot-nox from Debian when they are missing, builds the variants and the
# runner (the Hardened Boot starters are built from this checkout in the same reactor, nothing is
# installed into ~/.m2), then runs the runner on JDK 17. PostgreSQL must answer on
# 127.0.0.1:5432, database "test", user "postgres" (override with BENCH_DB_URL, BENCH_DB_USER,
# BENCH_DB_PASSWORD). Environment: BENCH_JAVA_HOME (default: the system's JDK 17),
# BENCH_MAVEN_ARGS (e.g. "-o" to build offline), BENCH_SKIP_BUILD=1 to reuse the last build.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
command_line="benchmarks/run.sh${*:+ $*}"

accept_only=false
for arg in "$@"; do
	case "$arg" in
		-h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		--accept-baseline) accept_only=true ;;
	esac
done

# JDK 17, as issue 10 prescribes for every variant.
java_home="${BENCH_JAVA_HOME:-}"
if [[ -z "$java_home" ]]; then
	for candidate in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk "${JAVA_HOME:-}"; do
		if [[ -n "$candidate" && -x "$candidate/bin/java" ]]; then
			java_home="$candidate"
			break
		fi
	done
fi
if [[ -z "$java_home" || ! -x "$java_home/bin/java" ]]; then
	echo "No JDK 17 found: set BENCH_JAVA_HOME." >&2
	exit 1
fi
if ! "$java_home/bin/java" -version 2>&1 | head -1 | grep -q '"17\.'; then
	echo "$java_home is not JDK 17; the benchmarks are specified on JDK 17 (set BENCH_JAVA_HOME)." >&2
	exit 1
fi
export JAVA_HOME="$java_home"
java="$java_home/bin/java"

if ! $accept_only; then
	missing=()
	command -v wrk >/dev/null || missing+=(wrk)
	command -v gnuplot >/dev/null || missing+=(gnuplot-nox)
	if ((${#missing[@]})); then
		echo "Installing ${missing[*]} from Debian's packages"
		sudo=""
		if [[ "$(id -u)" != 0 ]]; then
			command -v sudo >/dev/null || { echo "Install ${missing[*]} (apt-get), then run again." >&2; exit 1; }
			sudo="sudo"
		fi
		$sudo apt-get update -qq
		DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
	fi
	if command -v pg_isready >/dev/null && [[ -z "${BENCH_DB_URL:-}" ]] \
			&& ! pg_isready -q -h 127.0.0.1 -p 5432; then
		echo "PostgreSQL does not answer on 127.0.0.1:5432 (or set BENCH_DB_URL)." >&2
		exit 1
	fi
fi

runner_jar=benchmarks/runner/target/bench-runner.jar
if [[ "${BENCH_SKIP_BUILD:-0}" != 1 ]] && { ! $accept_only || [[ ! -f "$runner_jar" ]]; }; then
	modules=benchmarks/runner
	variants=benchmarks/plain,benchmarks/handwired-otel,benchmarks/handwired-bridge,benchmarks/hardened
	$accept_only || modules="$variants,$modules"
	echo "Building $modules (and the starters they use) with $java_home"
	# shellcheck disable=SC2086 # BENCH_MAVEN_ARGS is a list of options
	./mvnw -B -q ${BENCH_MAVEN_ARGS:-} -Pbenchmarks -pl "$modules" -am package \
		-DskipTests -Dinvoker.skip=true -Djacoco.skip=true
fi

"$java" -jar "$runner_jar" --root="$root" --java="$java" --command="$command_line" "$@"

# The JMH micro-benchmarks follow a full or quick run (not --only=..., not --accept-baseline).
jmh_args=()
for arg in "$@"; do
	case "$arg" in
		--only=*|--accept-baseline) exit 0 ;;
		--quick) jmh_args+=(--quick) ;;
	esac
done
benchmarks/jmh/run.sh "${jmh_args[@]}"
