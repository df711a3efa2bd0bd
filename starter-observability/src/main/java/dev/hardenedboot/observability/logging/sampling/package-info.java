/**
 * Sampling of log floods: per-logger, per-level token buckets for INFO and below, counted
 * drops, and WARN and ERROR never touched.
 */
@NonNullApi
package dev.hardenedboot.observability.logging.sampling;

import org.springframework.lang.NonNullApi;
