/**
 * Security defaults of the web tier: response headers.
 */
@NonNullApi
package dev.hardenedboot.core.security;

import org.springframework.lang.NonNullApi;
