/**
 * Context propagation onto Spring-managed executors, {@code @Async} methods and schedulers.
 */
@NonNullApi
package dev.hardenedboot.core.propagation;

import org.springframework.lang.NonNullApi;
