/**
 * Errors as RFC 9457 problem details: error codes, their registry, and the one format every
 * error path renders.
 */
@NonNullApi
package dev.hardenedboot.core.errors;

import org.springframework.lang.NonNullApi;
