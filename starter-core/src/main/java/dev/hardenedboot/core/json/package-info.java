/**
 * Strict reading of JSON request bodies.
 */
@NonNullApi
package dev.hardenedboot.core.json;

import org.springframework.lang.NonNullApi;
