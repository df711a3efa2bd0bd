package dev.hardenedboot.resilience.outbound;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Set;

import dev.hardenedboot.core.context.Deadline;
import dev.hardenedboot.resilience.retry.RetryBudgets;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.hc.core5.http.NoHttpResponseException;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.lang.Nullable;

/**
 * Retries an outbound call that failed in a way a second attempt can fix, and only when
 * repeating it is harmless: idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE, TRACE), on a
 * refused connection, a connection closed without an answer, or 502/503/504. A read timeout
 * is not retried: the dependency is slow, and a second call only adds to its load.
 *
 * <p>Attempts and backoff are the target host's resilience4j retry config ({@code http-<host>},
 * by default at most 2 attempts, exponential backoff with jitter); a retry also needs enough of
 * the request's deadline for the wait, and the host's retry budget (named like the retry, see
 * {@link RetryBudgets}), which counts every call this interceptor sees.
 *
 * <p>Runs innermost, after starter-core's context forwarding, because Spring re-runs only the
 * interceptors after the one that calls the execution again.
 */
class IdempotentRetryInterceptor implements ClientHttpRequestInterceptor {

	static final String RETRIES_METRIC = "hardened.http.client.retries";

	private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
			HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.TRACE);

	private static final Set<Integer> RETRIED_STATUSES = Set.of(502, 503, 504);

	private final RetryRegistry registry;

	@Nullable
	private final RetryBudgets budgets;

	@Nullable
	private final Counter retried;

	@Nullable
	private final Counter refused;

	IdempotentRetryInterceptor(RetryRegistry registry, @Nullable RetryBudgets budgets, @Nullable MeterRegistry meters) {
		this.registry = registry;
		this.budgets = budgets;
		this.retried = (meters != null) ? counter(meters, "retried") : null;
		this.refused = (meters != null) ? counter(meters, "budget_exhausted") : null;
	}

	private static Counter counter(MeterRegistry meters, String outcome) {
		return Counter.builder(RETRIES_METRIC)
			.tag("outcome", outcome)
			.description("Outbound retries made, and retries the budget refused")
			.register(meters);
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String host = request.getURI().getHost();
		if (host == null || !IDEMPOTENT.contains(request.getMethod())) {
			return execution.execute(request, body);
		}
		String name = HostCircuitBreakerInterceptor.NAME_PREFIX + host;
		if (this.budgets != null) {
			this.budgets.onCall(name);
		}
		RetryConfig config = this.registry.retry(name).getRetryConfig();
		// The budget is taken below, after the deadline check: not through the config's wait.
		IntervalBiFunction<ClientHttpResponse> backoff = RetryBudgets.backoff(config);
		for (int attempt = 1;; attempt++) {
			ClientHttpResponse response;
			try {
				response = execution.execute(request, body);
			}
			catch (IOException ex) {
				if (!isRetryable(ex) || !mayRetry(name, config, backoff, attempt, Either.left(ex))) {
					throw ex;
				}
				continue;
			}
			if (!RETRIED_STATUSES.contains(response.getStatusCode().value())
					|| !mayRetry(name, config, backoff, attempt, Either.right(response))) {
				return response;
			}
			// Released before the next attempt, or the pool runs dry under retries.
			response.close();
		}
	}

	private static boolean isRetryable(IOException ex) {
		return ex instanceof ConnectException || ex instanceof NoHttpResponseException;
	}

	/**
	 * Whether another attempt may follow, after waiting the backoff: attempts left, the
	 * budget allows it, and the request's deadline outlasts the wait.
	 */
	private boolean mayRetry(String name, RetryConfig config, IntervalBiFunction<ClientHttpResponse> backoff,
			int attempt, Either<Throwable, ClientHttpResponse> outcome) {
		if (attempt >= config.getMaxAttempts()) {
			return false;
		}
		long waitMillis = backoff.apply(attempt, outcome);
		Deadline deadline = Deadline.current().orElse(null);
		if (deadline != null && deadline.remaining().compareTo(Duration.ofMillis(waitMillis)) <= 0) {
			return false;
		}
		if (this.budgets != null && !this.budgets.tryRetry(name)) {
			increment(this.refused);
			return false;
		}
		increment(this.retried);
		try {
			Thread.sleep(waitMillis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		return true;
	}

	private static void increment(@Nullable Counter counter) {
		if (counter != null) {
			counter.increment();
		}
	}

}
