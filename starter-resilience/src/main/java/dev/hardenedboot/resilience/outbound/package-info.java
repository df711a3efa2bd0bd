/**
 * Outbound HTTP with a circuit breaker per target host and budgeted retries of idempotent
 * calls.
 */
@NonNullApi
package dev.hardenedboot.resilience.outbound;

import org.springframework.lang.NonNullApi;
