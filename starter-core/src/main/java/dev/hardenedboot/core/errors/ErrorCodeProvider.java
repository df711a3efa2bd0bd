package dev.hardenedboot.core.errors;

import java.util.Collection;

/**
 * Registers an application's own codes, so {@code hardened.errors.exceptions} can map
 * third-party exception types to them by name:
 *
 * <pre class="code">
 * &#064;Bean
 * ErrorCodeProvider orderErrors() {
 *     return () -&gt; List.of(OrderError.values());
 * }
 * </pre>
 */
@FunctionalInterface
public interface ErrorCodeProvider {

	Collection<? extends ErrorCode> errorCodes();

}
