/**
 * JSON log lines on Logback: the default configuration, its includes, the line cap, the
 * asynchronous opt-in and the metrics of dropped lines.
 */
@NonNullApi
package dev.hardenedboot.observability.logging;

import org.springframework.lang.NonNullApi;
