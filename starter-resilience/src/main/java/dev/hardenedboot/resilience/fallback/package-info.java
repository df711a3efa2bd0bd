/**
 * Stale-if-error: the last good answer to an outbound GET, served when the call fails or its
 * breaker is open.
 */
@NonNullApi
package dev.hardenedboot.resilience.fallback;

import org.springframework.lang.NonNullApi;
