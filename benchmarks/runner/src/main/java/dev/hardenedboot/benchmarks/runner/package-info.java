/**
 * The benchmark runner: what {@code benchmarks/run.sh} starts.
 */
@NonNullApi
package dev.hardenedboot.benchmarks.runner;

import org.springframework.lang.NonNullApi;
