/**
 * Configuration: checks on what the application's configuration says.
 */
@NonNullApi
package dev.hardenedboot.core.config;

import org.springframework.lang.NonNullApi;
