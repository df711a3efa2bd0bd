/**
 * Per-request deadlines: budgets from configuration, routes and {@code X-Request-Timeout},
 * the 400 and 504 answers, and the streaming exemption.
 */
@NonNullApi
package dev.hardenedboot.core.deadline;

import org.springframework.lang.NonNullApi;
