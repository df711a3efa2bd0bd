/**
 * Where the circuit breakers' health shows: the deep readiness group, never the root health
 * endpoint.
 */
@NonNullApi
package dev.hardenedboot.resilience.health;

import org.springframework.lang.NonNullApi;
