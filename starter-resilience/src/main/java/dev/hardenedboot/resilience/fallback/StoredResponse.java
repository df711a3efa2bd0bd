package dev.hardenedboot.resilience.fallback;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * A good answer as received: status, headers, the whole body and when it arrived.
 */
record StoredResponse(HttpStatusCode status, String statusText, HttpHeaders headers, byte[] body, Instant received) {

	/**
	 * The answer again, marked stale: {@code Age} says how old it is and {@code Warning: 110}
	 * that it is stale (RFC 7234), so a caller that cares can tell it from a fresh one.
	 * @param now the current time
	 * @return a response over the stored body
	 */
	ClientHttpResponse replay(Instant now) {
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(this.headers);
		headers.set(HttpHeaders.AGE, Long.toString(Math.max(0, Duration.between(this.received, now).toSeconds())));
		headers.set(HttpHeaders.WARNING, StaleIfErrorInterceptor.STALE_WARNING);
		return new BufferedResponse(this.status, this.statusText, headers, this.body);
	}

	/** A response over bytes in memory. */
	record BufferedResponse(HttpStatusCode status, String statusText, HttpHeaders headers, byte[] body)
			implements ClientHttpResponse {

		@Override
		public HttpStatusCode getStatusCode() {
			return this.status;
		}

		@Override
		public String getStatusText() {
			return this.statusText;
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(this.body);
		}

		@Override
		public void close() {
		}

	}

}
