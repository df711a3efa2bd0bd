package dev.hardenedboot.core.context;

import java.util.Objects;
import java.util.Optional;

import org.springframework.lang.Nullable;

/**
 * What Hardened Boot knows about the request a thread is working for: its id, its deadline
 * and its route. Immutable; the filters bind a new value as they learn more.
 *
 * <p>Read it from the current thread with {@link #current()}, or inject
 * {@link CurrentRequestContext} into a singleton. It travels with the request onto the
 * request-scoped executor's tasks and, without the deadline, onto every Spring-managed
 * executor and {@code @Async} method.
 *
 * <pre class="code">
 * RequestContext.current().flatMap(RequestContext::deadline).ifPresent(Deadline::throwIfExpired);
 * </pre>
 */
public final class RequestContext {

	/** Request attribute under which the latest context of a request is kept across dispatches. */
	public static final String ATTRIBUTE = RequestContext.class.getName();

	private static final ThreadLocal<RequestContext> current = new ThreadLocal<>();

	private final String requestId;

	@Nullable
	private final Deadline deadline;

	@Nullable
	private final String route;

	private RequestContext(String requestId, @Nullable Deadline deadline, @Nullable String route) {
		this.requestId = Objects.requireNonNull(requestId, "requestId");
		this.deadline = deadline;
		this.route = route;
	}

	/**
	 * A context for a request with the given id and, as yet, no deadline or route.
	 * @param requestId the request id
	 * @return the context
	 */
	public static RequestContext of(String requestId) {
		return new RequestContext(requestId, null, null);
	}

	/**
	 * The context bound to the calling thread, if it works for a request.
	 * @return the current context
	 */
	public static Optional<RequestContext> current() {
		return Optional.ofNullable(current.get());
	}

	/**
	 * The current context, or {@code null}: for hot paths that must not allocate.
	 * @return the current context or {@code null}
	 */
	@Nullable
	public static RequestContext currentOrNull() {
		return current.get();
	}

	public String requestId() {
		return this.requestId;
	}

	/**
	 * The request's deadline. Empty outside a request, for streaming responses without a
	 * route budget, for exempt paths, and on tasks of ordinary executors (fire-and-forget
	 * work must not inherit a spent budget).
	 * @return the deadline
	 */
	public Optional<Deadline> deadline() {
		return Optional.ofNullable(this.deadline);
	}

	/**
	 * The route template that matched ({@code /orders/{id}}), once the handler is known.
	 * @return the route
	 */
	public Optional<String> route() {
		return Optional.ofNullable(this.route);
	}

	public RequestContext withDeadline(@Nullable Deadline deadline) {
		return (deadline == this.deadline) ? this : new RequestContext(this.requestId, deadline, this.route);
	}

	public RequestContext withoutDeadline() {
		return withDeadline(null);
	}

	public RequestContext withRoute(@Nullable String route) {
		return Objects.equals(route, this.route) ? this : new RequestContext(this.requestId, this.deadline, route);
	}

	/**
	 * Binds this context to the calling thread until the returned scope is closed, which
	 * restores whatever was bound before. Always use it in try-with-resources.
	 * @return the scope to close
	 */
	public Scope makeCurrent() {
		RequestContext previous = current.get();
		current.set(this);
		return () -> restore(previous);
	}

	/**
	 * Binds {@code context} (or nothing, when {@code null}) to the calling thread.
	 * @param context the context, or {@code null} to clear
	 * @return the scope that restores the previous binding
	 */
	public static Scope bind(@Nullable RequestContext context) {
		RequestContext previous = current.get();
		if (context == null) {
			current.remove();
		}
		else {
			current.set(context);
		}
		return () -> restore(previous);
	}

	private static void restore(@Nullable RequestContext previous) {
		if (previous == null) {
			current.remove();
		}
		else {
			current.set(previous);
		}
	}

	@Override
	public String toString() {
		return "RequestContext[requestId=" + this.requestId + ", deadline=" + this.deadline + ", route=" + this.route
				+ "]";
	}

	/**
	 * Undoes a {@link #makeCurrent()} or {@link #bind(RequestContext)}.
	 */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
