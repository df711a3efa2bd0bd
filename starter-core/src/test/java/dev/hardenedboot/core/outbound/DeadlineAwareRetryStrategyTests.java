package dev.hardenedboot.core.outbound;

import java.net.SocketException;
import java.time.Duration;

import dev.hardenedboot.core.context.Deadline;
import dev.hardenedboot.core.context.RequestContext;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.apache.hc.core5.util.Timeout;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decisions HttpClient asks its retry strategy for, taken in and out of a request.
 */
class DeadlineAwareRetryStrategyTests {

	private final DeadlineAwareRetryStrategy strategy = new DeadlineAwareRetryStrategy(
			new OutboundHttpProperties().getRetry());

	@Test
	void aResetIdempotentRequestIsRepeatedWhileTheDeadlineLasts() throws InterruptedException {
		BasicClassicHttpRequest get = new BasicClassicHttpRequest("GET", "/x");
		try (RequestContext.Scope scope = bind(Duration.ofMillis(50))) {
			assertThat(this.strategy.retryRequest(get, new SocketException("Connection reset"), 1, context(get)))
				.isTrue();
			Thread.sleep(60);
			assertThat(this.strategy.retryRequest(get, new SocketException("Connection reset"), 1, context(get)))
				.isFalse();
		}
	}

	@Test
	void aRepeatedAttemptWaitsOnlyForWhatTheDeadlineHasLeftAfterTheWait() {
		BasicClassicHttpRequest get = new BasicClassicHttpRequest("GET", "/x");
		HttpClientContext context = context(get);
		context.setRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(10)).build());
		try (RequestContext.Scope scope = bind(Duration.ofSeconds(3))) {
			assertThat(this.strategy.retryRequest(new BasicHttpResponse(503), 1, context)).isTrue();
		}
		// 3 s left, 1 s of default wait: at most 2 s for the second attempt.
		assertThat(context.getRequestConfig().getResponseTimeout().toMilliseconds()).isBetween(1_500L, 2_000L);
	}

	@Test
	void onlyIdempotentMethodsAreRepeatedAfterA503Or429() {
		for (String method : new String[] { "GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE" }) {
			BasicClassicHttpRequest request = new BasicClassicHttpRequest(method, "/x");
			assertThat(this.strategy.retryRequest(new BasicHttpResponse(503), 1, context(request))).as(method)
				.isTrue();
			assertThat(this.strategy.retryRequest(new BasicHttpResponse(429), 1, context(request))).as(method)
				.isTrue();
		}
		for (String method : new String[] { "POST", "PATCH" }) {
			BasicClassicHttpRequest request = new BasicClassicHttpRequest(method, "/x");
			assertThat(this.strategy.retryRequest(new BasicHttpResponse(503), 1, context(request))).as(method)
				.isFalse();
		}
	}

	@Test
	void otherAnswersAndFurtherAttemptsAreNotRepeated() {
		BasicClassicHttpRequest get = new BasicClassicHttpRequest("GET", "/x");
		assertThat(this.strategy.retryRequest(new BasicHttpResponse(500), 1, context(get))).isFalse();
		assertThat(this.strategy.retryRequest(new BasicHttpResponse(503), 2, context(get))).isFalse();
	}

	private static HttpClientContext context(BasicClassicHttpRequest request) {
		HttpClientContext context = HttpClientContext.create();
		context.setRequest(request);
		return context;
	}

	private static RequestContext.Scope bind(Duration timeout) {
		return RequestContext.bind(RequestContext.of("strategy-test").withDeadline(Deadline.after(timeout)));
	}

}
