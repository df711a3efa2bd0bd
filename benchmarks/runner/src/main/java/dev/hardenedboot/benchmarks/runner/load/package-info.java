/**
 * Throughput, latency, start-up, RSS and allocation per request, measured with wrk.
 */
@NonNullApi
package dev.hardenedboot.benchmarks.runner.load;

import org.springframework.lang.NonNullApi;
