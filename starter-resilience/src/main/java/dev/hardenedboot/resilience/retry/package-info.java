/**
 * Retry budgets: retries never exceed a share of each retry instance's calls, for
 * resilience4j's retries and the outbound HTTP retries alike.
 */
@NonNullApi
package dev.hardenedboot.resilience.retry;

import org.springframework.lang.NonNullApi;
