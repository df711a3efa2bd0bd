/**
 * resilience4j's annotations at start-up: checks that stop start-up when a fallback method does
 * not exist, or a time limiter is on a method that does not return a {@code CompletionStage};
 * and the annotated methods found by reflection rather than by resilience4j's AspectJ
 * pointcuts.
 */
@NonNullApi
package dev.hardenedboot.resilience.annotation;

import org.springframework.lang.NonNullApi;
