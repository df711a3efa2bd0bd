/**
 * The observability starter's hardening checks: probe groups free of external dependencies,
 * breakers in the deep group only, JSON console logs and no DEBUG root logging outside the
 * local profiles, exactly one tracer, and OpenTelemetry artifacts on one version. Each reads
 * what the starter already decided.
 */
@NonNullApi
package dev.hardenedboot.observability.report;

import org.springframework.lang.NonNullApi;
