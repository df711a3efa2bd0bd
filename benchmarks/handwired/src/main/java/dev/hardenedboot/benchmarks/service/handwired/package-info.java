/**
 * What both hand-wired variants add to the service's code: one circuit breaker on the request
 * path.
 */
@NonNullApi
package dev.hardenedboot.benchmarks.service.handwired;

import org.springframework.lang.NonNullApi;
