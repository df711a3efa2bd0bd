/**
 * See {@link dev.hardenedboot.benchmarks.jmh}.
 */
@NonNullApi
package dev.hardenedboot.benchmarks.jmh.jdbc;

import org.springframework.lang.NonNullApi;
