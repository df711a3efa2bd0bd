/**
 * Request ids: accepted from a safe {@code X-Request-ID}, generated otherwise, echoed, and
 * in the MDC as {@code request_id}.
 */
@NonNullApi
package dev.hardenedboot.core.requestid;

import org.springframework.lang.NonNullApi;
