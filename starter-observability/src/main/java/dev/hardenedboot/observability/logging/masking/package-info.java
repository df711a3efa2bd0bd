/**
 * Masking of secrets in JSON log lines: values of fields named like a secret, and secrets
 * shaped like bearer tokens or JWTs inside any string.
 */
@NonNullApi
package dev.hardenedboot.observability.logging.masking;

import org.springframework.lang.NonNullApi;
