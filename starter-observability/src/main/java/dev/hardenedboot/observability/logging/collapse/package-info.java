/**
 * Opt-in collapse of identical repeated WARN lines into one line and a count.
 */
@NonNullApi
package dev.hardenedboot.observability.logging.collapse;

import org.springframework.lang.NonNullApi;
