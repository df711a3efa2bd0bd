package dev.hardenedboot.data.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.hardenedboot.core.context.DeadlineTimeouts;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.protocol.RedisCommand;

/**
 * Each Lettuce command's timeout: the configured command timeout, or what is left of the
 * calling thread's request deadline when that is shorter. Lettuce asks as it dispatches the
 * command, on the caller's thread; a command dispatched after the deadline is not sent.
 */
class DeadlineTimeoutSource extends TimeoutOptions.TimeoutSource {

	private final Duration configured;

	DeadlineTimeoutSource(Duration configured) {
		this.configured = configured;
	}

	@Override
	public long getTimeout(RedisCommand<?, ?, ?> command) {
		Duration timeout = DeadlineTimeouts.forCall(this.configured);
		return (timeout != null) ? Math.max(1, timeout.toNanos()) : this.configured.toNanos();
	}

	@Override
	public TimeUnit getTimeUnit() {
		return TimeUnit.NANOSECONDS;
	}

}
