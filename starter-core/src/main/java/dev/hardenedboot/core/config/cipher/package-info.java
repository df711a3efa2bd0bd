/**
 * Encrypted configuration values: {@code {cipher}} with AES-256-GCM.
 */
@NonNullApi
package dev.hardenedboot.core.config.cipher;

import org.springframework.lang.NonNullApi;
