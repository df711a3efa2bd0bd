/**
 * Structured concurrency for requests: the {@link dev.hardenedboot.core.concurrency.RequestExecutor},
 * whose forks carry the deadline and end with their request.
 */
@NonNullApi
package dev.hardenedboot.core.concurrency;

import org.springframework.lang.NonNullApi;
