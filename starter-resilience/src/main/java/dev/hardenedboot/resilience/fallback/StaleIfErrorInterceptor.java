package dev.hardenedboot.resilience.fallback;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.lang.Nullable;
import org.springframework.util.StringUtils;

/**
 * Keeps the last good answer (200) of each outbound GET and HEAD and serves it, marked stale,
 * when the call fails: an I/O error, a 5xx, or the host's breaker open. This is what a
 * service does when a dependency is down and yesterday's price list beats an error page.
 *
 * <p>One user's data must never reach another, so an answer is not kept when it says
 * {@code no-store} or {@code private}, nor when the request carried {@code Authorization} or
 * a {@code Cookie} unless the answer says {@code public}; and even then it is served only to a
 * request with the same credentials. The key is the method, the URL and the request headers
 * the answer's {@code Vary} names.
 */
class StaleIfErrorInterceptor implements ClientHttpRequestInterceptor {

	static final String STALE_WARNING = "110 - \"Response is Stale\"";

	static final String SERVED_METRIC = "hardened.http.client.stale.served";

	private static final List<String> CREDENTIAL_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.COOKIE);

	private final Cache<String, StoredResponse> responses;

	/** The request headers each URL's last answer varied on. */
	private final Cache<String, List<String>> varyByUrl;

	private final long maxBodyBytes;

	private final Clock clock;

	private final Map<String, Counter> served;

	StaleIfErrorInterceptor(StaleIfErrorProperties properties, Clock clock, @Nullable MeterRegistry meters) {
		this.responses = Caffeine.newBuilder()
			.maximumSize(properties.getMaxEntries())
			.expireAfterWrite(properties.getTimeToLive())
			.build();
		this.varyByUrl = Caffeine.newBuilder()
			.maximumSize(properties.getMaxEntries())
			.expireAfterWrite(properties.getTimeToLive())
			.build();
		this.maxBodyBytes = properties.getMaxBodySize().toBytes();
		this.clock = clock;
		this.served = (meters != null) ? Map.of("error", counter(meters, "error"), "open", counter(meters, "open"),
				"status", counter(meters, "status")) : Map.of();
	}

	private static Counter counter(MeterRegistry meters, String reason) {
		return Counter.builder(SERVED_METRIC)
			.tag("reason", reason)
			.description("Outbound answers served from the stale-if-error cache")
			.register(meters);
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		HttpMethod method = request.getMethod();
		if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
			return execution.execute(request, body);
		}
		String url = method.name() + " " + request.getURI();
		ClientHttpResponse response;
		try {
			response = execution.execute(request, body);
		}
		catch (IOException | CallNotPermittedException ex) {
			ClientHttpResponse stale = stale(url, request, (ex instanceof IOException) ? "error" : "open");
			if (stale == null) {
				throw ex;
			}
			return stale;
		}
		if (response.getStatusCode().is5xxServerError()) {
			ClientHttpResponse stale = stale(url, request, "status");
			if (stale != null) {
				response.close();
				return stale;
			}
			return response;
		}
		if (response.getStatusCode().value() == HttpStatus.OK.value() && mayStore(request, response.getHeaders())) {
			return store(url, request, response);
		}
		return response;
	}

	@Nullable
	private ClientHttpResponse stale(String url, HttpRequest request, String reason) {
		List<String> vary = this.varyByUrl.getIfPresent(url);
		if (vary == null) {
			return null;
		}
		StoredResponse stored = this.responses.getIfPresent(key(url, vary, request.getHeaders()));
		if (stored == null) {
			return null;
		}
		Counter counter = this.served.get(reason);
		if (counter != null) {
			counter.increment();
		}
		return stored.replay(Instant.now(this.clock));
	}

	private ClientHttpResponse store(String url, HttpRequest request, ClientHttpResponse response) throws IOException {
		InputStream in = response.getBody();
		byte[] head = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBodyBytes + 1));
		if (head.length > this.maxBodyBytes) {
			// Too large to keep: the caller reads what was read so far, then the rest.
			return new PartlyReadResponse(response, new SequenceInputStream(new ByteArrayInputStream(head), in));
		}
		HttpHeaders headers = HttpHeaders.readOnlyHttpHeaders(response.getHeaders());
		StoredResponse stored = new StoredResponse(response.getStatusCode(), response.getStatusText(), headers, head,
				Instant.now(this.clock));
		// The whole body is in memory: the connection goes back to the pool now.
		response.close();
		List<String> vary = varyNames(headers);
		this.varyByUrl.put(url, vary);
		this.responses.put(key(url, vary, request.getHeaders()), stored);
		return new StoredResponse.BufferedResponse(stored.status(), stored.statusText(), headers, head);
	}

	/**
	 * Never a private answer, never an answer to a credentialed request unless it is public,
	 * never an answer that varies on everything.
	 */
	static boolean mayStore(HttpRequest request, HttpHeaders responseHeaders) {
		List<String> requestDirectives = directives(request.getHeaders());
		List<String> directives = directives(responseHeaders);
		if (requestDirectives.contains("no-store") || directives.contains("no-store")
				|| directives.contains("private")) {
			return false;
		}
		if (isCredentialed(request.getHeaders()) && !directives.contains("public")) {
			return false;
		}
		return !varyNames(responseHeaders).contains("*");
	}

	private static boolean isCredentialed(HttpHeaders headers) {
		return CREDENTIAL_HEADERS.stream().anyMatch(headers::containsKey);
	}

	private static List<String> directives(HttpHeaders headers) {
		return headers.getOrEmpty(HttpHeaders.CACHE_CONTROL)
			.stream()
			.flatMap((value) -> StringUtils.commaDelimitedListToSet(value).stream())
			.map((directive) -> directive.split("=", 2)[0].trim().toLowerCase(Locale.ROOT))
			.toList();
	}

	private static List<String> varyNames(HttpHeaders headers) {
		return headers.getOrEmpty(HttpHeaders.VARY)
			.stream()
			.flatMap((value) -> StringUtils.commaDelimitedListToSet(value).stream())
			.map((name) -> name.trim().toLowerCase(Locale.ROOT))
			.filter((name) -> !name.isEmpty())
			.sorted()
			.toList();
	}

	/**
	 * The URL, the values of the headers the answer varied on, and for a credentialed request
	 * a digest of its credentials, so a kept public answer still only goes back to them.
	 */
	private static String key(String url, List<String> vary, HttpHeaders requestHeaders) {
		StringBuilder key = new StringBuilder(url);
		for (String name : vary) {
			key.append('\n').append(name).append('=').append(requestHeaders.getOrEmpty(name));
		}
		if (isCredentialed(requestHeaders)) {
			key.append("\ncredentials=").append(digest(requestHeaders));
		}
		return key.toString();
	}

	private static String digest(HttpHeaders headers) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			for (String name : CREDENTIAL_HEADERS) {
				sha256.update(String.valueOf(headers.getOrEmpty(name)).getBytes(StandardCharsets.UTF_8));
				sha256.update((byte) 0);
			}
			return HexFormat.of().formatHex(sha256.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JVM", ex);
		}
	}

	/** A response whose body was partly read before the caller got it. */
	private record PartlyReadResponse(ClientHttpResponse delegate, InputStream body) implements ClientHttpResponse {

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return this.delegate.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return this.delegate.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.delegate.getHeaders();
		}

		@Override
		public InputStream getBody() {
			return this.body;
		}

		@Override
		public void close() {
			this.delegate.close();
		}

	}

}
