package dev.hardenedboot.resilience.propagation;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import dev.hardenedboot.core.context.RequestContext;
import dev.hardenedboot.core.propagation.CapturedContext;
import io.github.resilience4j.core.ContextPropagator;

/**
 * Carries the submitting thread's MDC, trace and request context onto the threads of
 * resilience4j's thread-pool bulkheads and its time limiter's scheduler, so log lines written
 * there keep {@code request_id} and {@code trace_id}. resilience4j creates it by class name
 * from {@code context-propagators}.
 *
 * <p>The deadline goes along: work in a bulkhead is the request's own work, its caller waits
 * for the result, and calls it makes must be bounded by what is left of the request's budget.
 */
public class CapturedContextPropagator implements ContextPropagator<CapturedContext> {

	/** The scope to close on the worker thread when the task ends. */
	private final ThreadLocal<RequestContext.Scope> restored = new ThreadLocal<>();

	@Override
	public Supplier<Optional<CapturedContext>> retrieve() {
		return () -> Optional.of(CapturedContext.capture(true));
	}

	@Override
	public Consumer<Optional<CapturedContext>> copy() {
		return (captured) -> captured.ifPresent((context) -> this.restored.set(context.restore()));
	}

	@Override
	public Consumer<Optional<CapturedContext>> clear() {
		return (captured) -> {
			RequestContext.Scope scope = this.restored.get();
			if (scope != null) {
				this.restored.remove();
				scope.close();
			}
		};
	}

}
