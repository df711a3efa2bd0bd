package dev.hardenedboot.resilience.circuitbreaker;

/**
 * Marks an exception as a business outcome ("insufficient funds", "order already shipped"):
 * the dependency answered, so breakers do not count it as a failure and retries do not repeat
 * the call. Implement it on the exception class:
 *
 * <pre class="code">
 * class InsufficientFundsException extends RuntimeException implements BusinessOutcome {
 * }
 * </pre>
 */
public interface BusinessOutcome {

}
