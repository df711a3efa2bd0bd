/**
 * Per-request counting of statements by normalized SQL shape: the N+1 pattern found where it
 * happens, with a WARN, metrics, an optional fail mode and a test assertion.
 */
@NonNullApi
package dev.hardenedboot.data.query;

import org.springframework.lang.NonNullApi;
