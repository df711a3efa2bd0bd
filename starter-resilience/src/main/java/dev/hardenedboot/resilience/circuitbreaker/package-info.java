/**
 * Circuit breaker, retry, time limiter and bulkhead defaults for every resilience4j instance,
 * and the 503 an open breaker answers with.
 */
@NonNullApi
package dev.hardenedboot.resilience.circuitbreaker;

import org.springframework.lang.NonNullApi;
