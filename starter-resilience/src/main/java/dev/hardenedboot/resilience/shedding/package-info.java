/**
 * Adaptive load shedding of inbound requests with Netflix concurrency-limits.
 */
@NonNullApi
package dev.hardenedboot.resilience.shedding;

import org.springframework.lang.NonNullApi;
