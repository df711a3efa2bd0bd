/**
 * Hot reload of the mounted directory and {@code config.{profile}.yaml}: a change is checked
 * like a start-up would check it, then applied whole or not at all.
 */
@NonNullApi
package dev.hardenedboot.core.config.reload;

import org.springframework.lang.NonNullApi;
