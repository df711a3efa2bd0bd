/**
 * Benchmark access to the repeated-query ledger; see {@link dev.hardenedboot.data.query.StatementLedgers}.
 */
@NonNullApi
package dev.hardenedboot.data.query;

import org.springframework.lang.NonNullApi;
