/**
 * The request's MDC, trace and request context on resilience4j's own threads.
 */
@NonNullApi
package dev.hardenedboot.resilience.propagation;

import org.springframework.lang.NonNullApi;
