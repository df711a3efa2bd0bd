/**
 * Configuration files beyond Boot's: a mounted directory and {@code config.{profile}.yaml}.
 */
@NonNullApi
package dev.hardenedboot.core.config.files;

import org.springframework.lang.NonNullApi;
