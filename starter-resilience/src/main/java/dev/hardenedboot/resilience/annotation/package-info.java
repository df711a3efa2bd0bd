/**
 * Start-up checks of resilience4j's annotations: a fallback method that does not exist, or a
 * time limiter on a method that does not return a {@code CompletionStage}, stops start-up.
 */
@NonNullApi
package dev.hardenedboot.resilience.annotation;

import org.springframework.lang.NonNullApi;
