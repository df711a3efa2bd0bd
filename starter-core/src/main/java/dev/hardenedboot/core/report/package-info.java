/**
 * The hardening report: every starter's checks against the live application, at start-up and
 * at {@code /actuator/hardening}.
 */
@NonNullApi
package dev.hardenedboot.core.report;

import org.springframework.lang.NonNullApi;
