/**
 * Exactly one tracer: Boot's Micrometer Tracing with the OpenTelemetry bridge, which backs
 * off when another tracer is present, never traces probes, and checks that the
 * OpenTelemetry artifacts agree on their version.
 */
@NonNullApi
package dev.hardenedboot.observability.tracing;

import org.springframework.lang.NonNullApi;
