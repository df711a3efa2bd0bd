/**
 * Spans for JDBC statements, from datasource-micrometer's Micrometer Observation listener on
 * the datasource-proxy layer starter-data already installs beneath each pool.
 */
@NonNullApi
package dev.hardenedboot.data.tracing;

import org.springframework.lang.NonNullApi;
