/**
 * JMH micro-benchmarks of Hardened Boot's per-request, per-statement and per-line hot paths.
 * Each benchmark starts a Spring context with the starters' real auto-configurations and
 * measures the beans they built against the same path without them.
 */
@NonNullApi
package dev.hardenedboot.benchmarks.jmh;

import org.springframework.lang.NonNullApi;
