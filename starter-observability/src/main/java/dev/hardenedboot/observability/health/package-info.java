/**
 * Layered health: liveness (the process only), readiness (what the instance cannot serve
 * without) and deep readiness, on the main port; every indicator bounded in time and
 * concurrency.
 */
@NonNullApi
package dev.hardenedboot.observability.health;

import org.springframework.lang.NonNullApi;
