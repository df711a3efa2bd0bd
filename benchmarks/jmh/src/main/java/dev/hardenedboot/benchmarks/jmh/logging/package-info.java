/**
 * See {@link dev.hardenedboot.benchmarks.jmh}.
 */
@NonNullApi
package dev.hardenedboot.benchmarks.jmh.logging;

import org.springframework.lang.NonNullApi;
