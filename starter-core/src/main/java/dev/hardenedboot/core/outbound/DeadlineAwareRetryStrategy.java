package dev.hardenedboot.core.outbound;

import java.io.IOException;
import java.time.Duration;

import dev.hardenedboot.core.context.Deadline;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

import org.springframework.lang.Nullable;

/**
 * Apache HttpClient 5's own retries, made safe for calls made on behalf of a request.
 * HttpClient's default strategy repeats a request answered 503 or 429 whatever its method, a
 * {@code POST} included, and sleeps for as long as {@code Retry-After} asks, past the
 * caller's deadline. This one keeps HttpClient's judgement of which I/O failures are worth a
 * second attempt (not a timeout, an unknown or unreachable host, a refused connection or a
 * TLS failure; a connection reset or closed without an answer is), and adds:
 * <ul>
 * <li>only idempotent methods (HttpClient's: GET, HEAD, OPTIONS, TRACE, PUT, DELETE) are
 * repeated, after an answer as after an I/O failure;</li>
 * <li>the wait ({@code Retry-After}, else the interval) is at most {@code maxWait}, and must
 * end before the deadline; otherwise the answer is returned at once;</li>
 * <li>nothing is repeated once the deadline has passed, and a repeated attempt waits for an
 * answer only as long as the deadline has left after the wait.</li>
 * </ul>
 */
class DeadlineAwareRetryStrategy extends DefaultHttpRequestRetryStrategy {

	private final Duration maxWait;

	DeadlineAwareRetryStrategy(OutboundHttpProperties.Retry properties) {
		super(properties.getMaxRetries(), TimeValue.ofMilliseconds(properties.getInterval().toMillis()));
		this.maxWait = properties.getMaxWait();
	}

	@Override
	public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
		// HttpClient repeats these at once, without a wait.
		return super.retryRequest(request, exception, execCount, context) && fitsDeadline(Duration.ZERO, context);
	}

	@Override
	public boolean retryRequest(HttpResponse response, int execCount, @Nullable HttpContext context) {
		HttpRequest request = (context != null) ? HttpClientContext.cast(context).getRequest() : null;
		// Without the context, HttpClient's own check compares its default interval with the
		// response timeout; the deadline check below is the exact version of it.
		if (request == null || !handleAsIdempotent(request) || !super.retryRequest(response, execCount, null)) {
			return false;
		}
		Duration wait = Duration.ofMillis(getRetryInterval(response, execCount, context).toMilliseconds());
		return wait.compareTo(this.maxWait) <= 0 && fitsDeadline(wait, context);
	}

	/**
	 * Whether the request's deadline outlasts the wait before another attempt; if so, that
	 * attempt is bounded by what is left after the wait. The per-request configuration set at
	 * the first attempt was bounded by what was left then.
	 */
	private static boolean fitsDeadline(Duration wait, @Nullable HttpContext context) {
		Deadline deadline = Deadline.current().orElse(null);
		if (deadline == null) {
			return true;
		}
		Duration left = deadline.remaining().minus(wait);
		if (left.isNegative() || left.isZero()) {
			return false;
		}
		HttpClientContext client = (context != null) ? HttpClientContext.cast(context) : null;
		RequestConfig config = (client != null) ? client.getRequestConfig() : null;
		if (config != null) {
			// Set per request by DeadlineHttpContextFactory; without it the client's own applies.
			client.setRequestConfig(RequestConfig.copy(config)
				.setResponseTimeout(DeadlineHttpContextFactory.shorter(config.getResponseTimeout(),
						DeadlineHttpContextFactory.roundedUp(left)))
				.build());
		}
		return true;
	}

}
