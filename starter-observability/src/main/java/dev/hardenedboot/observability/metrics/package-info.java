/**
 * HTTP metrics that locate a fault: common tags, SLO buckets and a cap on the {@code uri}
 * tag's cardinality that folds rather than drops.
 */
@NonNullApi
package dev.hardenedboot.observability.metrics;

import org.springframework.lang.NonNullApi;
