-- Prints wrk's exact figures as one JSON line after the run (wrk's text rounds them).
-- Latencies are in microseconds; "status" counts answers that were neither 2xx nor 3xx.
done = function(summary, latency, requests)
  io.write(string.format(
    'WRK_RESULT {"requests":%d,"durationMicros":%d,"p50Micros":%.0f,"p90Micros":%.0f,"p99Micros":%.0f,'
      .. '"maxMicros":%.0f,"connectErrors":%d,"readErrors":%d,"writeErrors":%d,"statusErrors":%d,'
      .. '"timeouts":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.status, summary.errors.timeout))
end
