/**
 * The resilience starter's contribution to the hardening report: time limits inside the
 * request's deadline, fallbacks resolved and the breaker outside the retry.
 */
@NonNullApi
package dev.hardenedboot.resilience.report;

import org.springframework.lang.NonNullApi;
