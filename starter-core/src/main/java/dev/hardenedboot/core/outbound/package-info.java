/**
 * Outbound HTTP on Apache HttpClient 5, bounded by the request's deadline and carrying its
 * context.
 */
@NonNullApi
package dev.hardenedboot.core.outbound;

import org.springframework.lang.NonNullApi;
