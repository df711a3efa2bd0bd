/**
 * Redis through Lettuce: each command bounded by the request's deadline, a short connect
 * timeout, and a {@code PING} readiness check.
 */
@NonNullApi
package dev.hardenedboot.data.redis;

import org.springframework.lang.NonNullApi;
