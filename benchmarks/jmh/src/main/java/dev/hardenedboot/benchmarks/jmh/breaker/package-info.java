/**
 * See {@link dev.hardenedboot.benchmarks.jmh}.
 */
@NonNullApi
package dev.hardenedboot.benchmarks.jmh.breaker;

import org.springframework.lang.NonNullApi;
