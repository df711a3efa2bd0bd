package dev.hardenedboot.core.outbound;

import java.net.URI;
import java.time.Duration;
import java.util.function.BiFunction;

import dev.hardenedboot.core.context.Deadline;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.Timeout;

import org.springframework.http.HttpMethod;
import org.springframework.lang.Nullable;

/**
 * Gives each call made for a request with a deadline its own {@link RequestConfig}: the
 * response timeout and the wait for a pooled connection become the configured values or
 * what is left of the deadline, whichever is shorter. HttpComponents is the only client
 * Spring supports that takes timeouts per request; the JDK and simple clients fix them when
 * the client is built.
 */
final class DeadlineHttpContextFactory implements BiFunction<HttpMethod, URI, HttpContext> {

	private final RequestConfig defaults;

	private final Timeout readTimeout;

	/**
	 * @param defaults the client's default request configuration (redirects, pool wait),
	 * which a per-request configuration replaces rather than merges with
	 * @param readTimeout the socket timeout the client was built with
	 */
	DeadlineHttpContextFactory(RequestConfig defaults, Timeout readTimeout) {
		this.defaults = defaults;
		this.readTimeout = readTimeout;
	}

	@Override
	@Nullable
	public HttpContext apply(HttpMethod method, URI uri) {
		Deadline deadline = Deadline.current().orElse(null);
		if (deadline == null) {
			// No request, or no budget: the client's own configuration applies.
			return null;
		}
		Timeout remaining = remainingRoundedUp(deadline);
		RequestConfig config = RequestConfig.copy(this.defaults)
			.setResponseTimeout(shorter(this.readTimeout, remaining))
			.setConnectionRequestTimeout(shorter(this.defaults.getConnectionRequestTimeout(), remaining))
			.build();
		HttpClientContext context = HttpClientContext.create();
		context.setRequestConfig(config);
		return context;
	}

	/**
	 * Rounded up, so a timeout that fires always finds the deadline passed and is reported as
	 * the deadline's, never as an ordinary read timeout a millisecond early.
	 */
	static Timeout remainingRoundedUp(Deadline deadline) {
		return roundedUp(deadline.remaining());
	}

	static Timeout roundedUp(Duration duration) {
		long nanos = duration.toNanos();
		return Timeout.ofMilliseconds(Math.max(1, (nanos + 999_999) / 1_000_000));
	}

	static Timeout shorter(@Nullable Timeout configured, Timeout remaining) {
		if (configured == null || configured.isDisabled()) {
			return remaining;
		}
		return (configured.toMilliseconds() <= remaining.toMilliseconds()) ? configured : remaining;
	}

}
