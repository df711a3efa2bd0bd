#!/usr/bin/env python3
"""Turns JMH's JSON results into the Markdown tables of docs/benchmarks.md.

Each benchmark class is one table: every variant's time and allocation per operation, and its
difference to the class's baseline (the variant without the code under test). With --write FILE
the tables replace what lies between the JMH markers in FILE; otherwise they are printed.
"""
import json
import platform
import subprocess
import sys
from datetime import date

BEGIN = "<!-- jmh:begin (written by benchmarks/jmh/run.sh; edits here are overwritten) -->"
END = "<!-- jmh:end -->"

# What each table compares against: (benchmark method or parameter value).
BASELINES = {
    "FilterChainBenchmark": "none",
    "StatementListenersBenchmark": "plain-hikari",
    "JsonLineBenchmark": "boot-logstash",
    "CircuitBreakerBenchmark": "plainCall",
}

TITLES = {
    "FilterChainBenchmark": "Filter chain per request (mock request and response, no container)",
    "StatementListenersBenchmark": "Per statement through HikariCP and datasource-proxy (stub driver)",
    "JsonLineBenchmark": "One INFO line with MDC, encoded",
    "CircuitBreakerBenchmark": "One call on the closed path of a circuit breaker",
}


def variant(entry):
    method = entry["benchmark"].rsplit(".", 1)[1]
    params = entry.get("params") or {}
    return ", ".join(params.values()) if params else method


def rows(results):
    tables = {}
    for entry in results:
        cls = entry["benchmark"].rsplit(".", 2)[1]
        primary = entry["primaryMetric"]
        secondary = entry.get("secondaryMetrics", {})
        norm = secondary.get("gc.alloc.rate.norm") or secondary.get("·gc.alloc.rate.norm") or {}
        alloc = norm.get("score")
        tables.setdefault(cls, []).append((variant(entry), primary["score"], primary["scoreError"], alloc))
    return tables


def fmt(value, digits=0):
    if isinstance(value, str):  # JMH writes "NaN" when a single iteration has no error bar
        value = float(value)
    if value is None or value != value:
        return "n/a"
    return f"{value:,.{digits}f}"


def table(cls, entries):
    baseline = BASELINES.get(cls)
    base = next((e for e in entries if e[0] == baseline), None)
    lines = [f"### {TITLES.get(cls, cls)}", "",
             f"Baseline: `{baseline}`." if base else "", "",
             "| variant | ns/op | ± (99.9%) | B/op | ns vs baseline | B vs baseline |",
             "|---|---:|---:|---:|---:|---:|"]
    for name, score, error, alloc in entries:
        if base:
            dt = fmt(score - base[1], 0)
            da = fmt(alloc - base[3], 0) if alloc is not None and base[3] is not None else "n/a"
            if name == baseline:
                dt, da = "—", "—"
        else:
            dt = da = "n/a"
        lines.append(f"| `{name}` | {fmt(score, 0)} | {fmt(error, 0)} | {fmt(alloc, 0)} | {dt} | {da} |")
    return "\n".join(line for line in lines) + "\n"


def java_version():
    out = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()
    return out[0] if out else "unknown"


def render(results):
    first = results[0]
    header = [
        f"Measured {date.today().isoformat()} on {platform.node()} ({platform.machine()}, "
        f"{subprocess.run(['nproc'], capture_output=True, text=True).stdout.strip()} cores), "
        f"{java_version()}, JMH {first.get('jmhVersion', '?')}, {first.get('forks')} forks x "
        f"{first.get('measurementIterations')} x {first.get('measurementTime')} after "
        f"{first.get('warmupIterations')} x {first.get('warmupTime')} warm-up, `-prof gc`.",
        "Command: `benchmarks/jmh/run.sh`.", ""]
    body = [table(cls, entries) for cls, entries in rows(results).items()]
    return "\n".join(header) + "\n" + "\n".join(body)


def main():
    results = json.load(open(sys.argv[1]))
    if not results:
        sys.exit("no results in " + sys.argv[1])
    text = render(results)
    if len(sys.argv) > 3 and sys.argv[2] == "--write":
        path = sys.argv[3]
        doc = open(path).read()
        if BEGIN not in doc or END not in doc:
            sys.exit(f"{path} has no JMH markers ({BEGIN} ... {END})")
        head, rest = doc.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        open(path, "w").write(head + BEGIN + "\n" + text + END + tail)
        print(f"wrote the JMH section of {path}")
    else:
        print(text)


if __name__ == "__main__":
    main()
