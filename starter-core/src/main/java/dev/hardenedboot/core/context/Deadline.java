package dev.hardenedboot.core.context;

import java.time.Duration;
import java.util.Optional;

/**
 * A point in time after which the request's caller no longer waits for the answer: Go's
 * {@code ctx.Deadline()} for a Spring request.
 *
 * <p>Blocking calls made through Hardened Boot's integration points (outbound HTTP, JDBC
 * statements and transactions, Redis) are bounded by {@link #bound(Duration)}. Code that
 * does not block on such a call is never preempted: Java cannot stop a thread safely, and
 * interrupting a pooled request thread leaks the interrupt into the next request. Long loops
 * call {@link #throwIfExpired()}, the equivalent of checking {@code ctx.Err()}.
 *
 * <p>Measured on the monotonic clock ({@link System#nanoTime()}), so wall-clock jumps never
 * expire or extend a deadline.
 */
public final class Deadline {

	private final Duration budget;

	private final long startNanos;

	private final long expiresAtNanos;

	private Deadline(Duration budget, long startNanos) {
		this.budget = budget;
		this.startNanos = startNanos;
		this.expiresAtNanos = startNanos + saturatedNanos(budget);
	}

	/**
	 * A deadline that expires {@code budget} from now.
	 * @param budget how long the caller waits; must be positive
	 * @return the deadline
	 */
	public static Deadline after(Duration budget) {
		if (budget.isNegative() || budget.isZero()) {
			throw new IllegalArgumentException("A deadline's budget must be positive, not " + budget);
		}
		return new Deadline(budget, System.nanoTime());
	}

	/**
	 * The deadline of the request the calling thread works for.
	 * @return the deadline, empty outside a request or when the request has none
	 */
	public static Optional<Deadline> current() {
		RequestContext context = RequestContext.currentOrNull();
		return (context != null) ? context.deadline() : Optional.empty();
	}

	/**
	 * The whole budget this deadline was created with.
	 * @return the budget
	 */
	public Duration budget() {
		return this.budget;
	}

	/**
	 * How long is left; {@link Duration#ZERO} once expired, never negative.
	 * @return the remaining time
	 */
	public Duration remaining() {
		long left = this.expiresAtNanos - System.nanoTime();
		return (left > 0) ? Duration.ofNanos(left) : Duration.ZERO;
	}

	/**
	 * How long is left, in whole milliseconds rounded down; 0 once expired.
	 * @return the remaining milliseconds
	 */
	public long remainingMillis() {
		long left = this.expiresAtNanos - System.nanoTime();
		return (left > 0) ? left / 1_000_000 : 0;
	}

	/**
	 * How long ago the deadline started.
	 * @return the elapsed time
	 */
	public Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.startNanos);
	}

	public boolean isExpired() {
		return this.expiresAtNanos - System.nanoTime() <= 0;
	}

	/**
	 * The cooperative cancellation check: throws once the deadline has passed, so the
	 * request ends in 504 {@code REQUEST_TIMEOUT} instead of doing work nobody waits for.
	 * @throws DeadlineExceededException when expired
	 */
	public void throwIfExpired() {
		if (isExpired()) {
			throw new DeadlineExceededException(this);
		}
	}

	/**
	 * The timeout for one blocking call: the configured timeout, or what is left of the
	 * deadline when that is shorter. Integrations use it for per-call timeouts.
	 * @param configured the call's own timeout
	 * @return the shorter of the two, never negative
	 */
	public Duration bound(Duration configured) {
		Duration remaining = remaining();
		return (configured.compareTo(remaining) <= 0) ? configured : remaining;
	}

	@Override
	public String toString() {
		return "Deadline[budget=" + this.budget + ", remaining=" + remaining() + "]";
	}

	private static long saturatedNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE / 2;
		}
	}

}
