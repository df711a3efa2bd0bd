/**
 * See {@link dev.hardenedboot.benchmarks.jmh}.
 */
@NonNullApi
package dev.hardenedboot.benchmarks.jmh.filters;

import org.springframework.lang.NonNullApi;
