/**
 * The request context: request id, deadline and route of the request a thread works for.
 */
@NonNullApi
package dev.hardenedboot.core.context;

import org.springframework.lang.NonNullApi;
