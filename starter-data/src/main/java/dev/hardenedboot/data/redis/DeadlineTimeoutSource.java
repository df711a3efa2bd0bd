package dev.hardenedboot.data.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.hardenedboot.core.context.Deadline;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.protocol.RedisCommand;

/**
 * Each Lettuce command's timeout: the configured command timeout, or what is left of the
 * calling thread's request deadline when that is shorter. Lettuce asks as it dispatches the
 * command, on the caller's thread. Past the deadline a command gets a millisecond rather than
 * an exception: Lettuce also dispatches its own commands (a connection's clean-up) on that
 * thread, and an exception there would replace the one the caller should see. The timeout
 * reaches the caller as Spring's {@code QueryTimeoutException}, answered with 504.
 */
class DeadlineTimeoutSource extends TimeoutOptions.TimeoutSource {

	private static final long MINIMUM_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

	private final long configuredNanos;

	DeadlineTimeoutSource(Duration configured) {
		this.configuredNanos = configured.toNanos();
	}

	@Override
	public long getTimeout(RedisCommand<?, ?, ?> command) {
		Deadline deadline = Deadline.current().orElse(null);
		if (deadline == null) {
			return this.configuredNanos;
		}
		return Math.max(MINIMUM_NANOS, Math.min(this.configuredNanos, deadline.remaining().toNanos()));
	}

	@Override
	public TimeUnit getTimeUnit() {
		return TimeUnit.NANOSECONDS;
	}

}
