package dev.hardenedboot.core.outbound;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Outbound HTTP through Apache HttpClient 5: pool limits and what travels with each call.
 * Connect and read timeouts stay Boot's {@code spring.http.client.connect-timeout} and
 * {@code spring.http.client.read-timeout}, which Hardened Boot defaults to 2s and 10s.
 */
@ConfigurationProperties("hardened.http.client")
@Validated
public class OutboundHttpProperties {

	/**
	 * Whether RestClient and RestTemplate calls are bounded by the request's deadline and
	 * carry the request context.
	 */
	private boolean enabled = true;

	/**
	 * Most pooled connections in all. HttpClient's own default, 25, queues calls under
	 * modest load.
	 */
	@Min(1)
	private int maxConnections = 200;

	/**
	 * Most pooled connections to one host. HttpClient's own default, 5, makes a busy
	 * downstream look slow when the pool is the bottleneck.
	 */
	@Min(1)
	private int maxConnectionsPerRoute = 50;

	/**
	 * Longest wait for a pooled connection when all are busy (HttpClient's own default is 3
	 * minutes). Also bounded by the request's deadline.
	 */
	@NotNull
	@DurationMin(millis = 1)
	private Duration connectionRequestTimeout = Duration.ofSeconds(2);

	/**
	 * Whether X-Request-ID and X-Request-Timeout (the remaining budget in milliseconds) are
	 * sent on calls made for a request.
	 */
	private boolean propagateHeaders = true;

	/** Apache HttpClient's own retries of a failed call. */
	@Valid
	private final Retry retry = new Retry();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getMaxConnections() {
		return this.maxConnections;
	}

	public void setMaxConnections(int maxConnections) {
		this.maxConnections = maxConnections;
	}

	public int getMaxConnectionsPerRoute() {
		return this.maxConnectionsPerRoute;
	}

	public void setMaxConnectionsPerRoute(int maxConnectionsPerRoute) {
		this.maxConnectionsPerRoute = maxConnectionsPerRoute;
	}

	public Duration getConnectionRequestTimeout() {
		return this.connectionRequestTimeout;
	}

	public void setConnectionRequestTimeout(Duration connectionRequestTimeout) {
		this.connectionRequestTimeout = connectionRequestTimeout;
	}

	public boolean isPropagateHeaders() {
		return this.propagateHeaders;
	}

	public void setPropagateHeaders(boolean propagateHeaders) {
		this.propagateHeaders = propagateHeaders;
	}

	public Retry getRetry() {
		return this.retry;
	}

	/**
	 * Apache HttpClient's own retries: only of idempotent requests (GET, HEAD, OPTIONS, TRACE,
	 * PUT, DELETE), after an I/O failure a second attempt can fix or a 503 or 429 answer, and
	 * never past the request's deadline.
	 */
	public static class Retry {

		/** Most retries of one call; 0 switches HttpClient's retries off. */
		@Min(0)
		private int maxRetries = 1;

		/** Wait before retrying a 503 or 429 answer that carries no Retry-After. */
		@NotNull
		@DurationMin(millis = 0)
		private Duration interval = Duration.ofSeconds(1);

		/**
		 * Longest wait before a retry. An answer whose Retry-After asks for longer is returned
		 * at once, as is one whose wait would end after the request's deadline.
		 */
		@NotNull
		@DurationMin(millis = 0)
		private Duration maxWait = Duration.ofSeconds(1);

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

	}

}
