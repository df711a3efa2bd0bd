package dev.hardenedboot.core.context;

import java.io.InterruptedIOException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

import org.springframework.lang.Nullable;

/**
 * The deadline SPI for integrations that bound blocking calls: JDBC statements and
 * transactions (starter-data), Redis commands (a Lettuce {@code TimeoutSource}), or any
 * client of your own. Each method reads the calling thread's deadline; without one, the
 * configured timeout applies unchanged.
 *
 * <pre class="code">
 * statement.setQueryTimeout(DeadlineTimeouts.seconds(configuredSeconds));
 * try {
 *     return statement.executeQuery();
 * }
 * catch (SQLException ex) {
 *     throw DeadlineTimeouts.isCausedByDeadline(ex) ? DeadlineTimeouts.exceeded(ex) : ex;
 * }
 * </pre>
 */
public final class DeadlineTimeouts {

	private DeadlineTimeouts() {
	}

	/**
	 * The timeout of one call: {@code configured}, or what is left of the deadline when that
	 * is shorter.
	 * @param configured the call's own timeout; {@code null} or zero for none
	 * @return the timeout to use; {@code configured} when there is no deadline
	 * @throws DeadlineExceededException when the deadline has already passed: nobody waits
	 * for the call's answer, so it should not start
	 */
	@Nullable
	public static Duration forCall(@Nullable Duration configured) {
		Deadline deadline = Deadline.current().orElse(null);
		if (deadline == null) {
			return configured;
		}
		deadline.throwIfExpired();
		return (configured == null || configured.isZero() || configured.isNegative()) ? deadline.remaining()
				: deadline.bound(configured);
	}

	/**
	 * The timeout of one call in whole seconds, as JDBC's {@code setQueryTimeout} and
	 * Spring's transaction timeouts take it: rounded up, and at least 1, because 0 means
	 * "no timeout" there.
	 * @param configuredSeconds the call's own timeout in seconds; 0 or less for none
	 * @return the timeout in seconds, 0 only when neither a deadline nor a timeout applies
	 * @throws DeadlineExceededException when the deadline has already passed
	 */
	public static int seconds(int configuredSeconds) {
		Duration configured = (configuredSeconds > 0) ? Duration.ofSeconds(configuredSeconds) : null;
		Duration timeout = forCall(configured);
		if (timeout == null) {
			return 0;
		}
		long millis = timeout.toMillis();
		return (int) Math.min(Integer.MAX_VALUE, Math.max(1, (millis + 999) / 1000));
	}

	/**
	 * Whether {@code failure} is the deadline's doing: a {@link DeadlineExceededException}
	 * anywhere in its causes or, once the deadline has passed, a timeout (socket, statement,
	 * future) or the interruption or cancellation of work cancelled at the deadline.
	 * @param failure what a bounded call threw
	 * @return whether the deadline caused it
	 */
	public static boolean isCausedByDeadline(Throwable failure) {
		return isCausedByDeadline(failure, Deadline.current().orElse(null));
	}

	/**
	 * As {@link #isCausedByDeadline(Throwable)}, for a given deadline.
	 * @param failure what a bounded call threw
	 * @param deadline the deadline the call was bounded by, if any
	 * @return whether the deadline caused it
	 */
	public static boolean isCausedByDeadline(Throwable failure, @Nullable Deadline deadline) {
		boolean expired = deadline != null && deadline.isExpired();
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (candidate instanceof DeadlineExceededException) {
				return true;
			}
			if (expired && isTimeoutOrCancellation(candidate)) {
				return true;
			}
			if (candidate.getCause() == candidate) {
				break;
			}
		}
		return false;
	}

	/**
	 * The exception that ends the request in 504 {@code REQUEST_TIMEOUT}, keeping
	 * {@code cause} for the logs.
	 * @param cause what the bounded call threw
	 * @return the exception to throw
	 * @throws IllegalStateException when the calling thread has no deadline
	 */
	public static DeadlineExceededException exceeded(Throwable cause) {
		if (cause instanceof DeadlineExceededException exceeded) {
			return exceeded;
		}
		Deadline deadline = Deadline.current()
			.orElseThrow(() -> new IllegalStateException("No deadline on this thread", cause));
		return new DeadlineExceededException(deadline, cause);
	}

	private static boolean isTimeoutOrCancellation(Throwable candidate) {
		return candidate instanceof InterruptedIOException || candidate instanceof TimeoutException
				|| candidate instanceof SQLTimeoutException || candidate instanceof InterruptedException
				|| candidate instanceof CancellationException;
	}

}
