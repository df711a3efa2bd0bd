package dev.hardenedboot.core.web;

import org.springframework.core.Ordered;

/**
 * The one servlet filter order of Hardened Boot. Each position is public so the other
 * starters (and applications) place their filters relative to it:
 *
 * <ol>
 * <li>{@link #REQUEST_ID}: outermost, so every response, even a rejected one, carries the
 * request id and every log line has it;</li>
 * <li>{@link #OBSERVATION}: Boot's {@code ServerHttpObservationFilter} (metrics, spans,
 * trace ids), so what the filters below reject is measured and traced;</li>
 * <li>{@link #DEADLINE}: the request's budget starts, a bad {@code X-Request-Timeout} is a
 * 400, an expired deadline a 504; then {@link #REQUEST_EXECUTOR}, whose forks end with the
 * request;</li>
 * <li>{@link #SECURITY_HEADERS}: set before anything below can commit the response;</li>
 * <li>{@link #LOAD_SHEDDING}: rejects with 503 when over the concurrency limit;</li>
 * <li>everything else, including Spring Security ({@code -100}) and the application.</li>
 * </ol>
 */
public final class HardenedFilterOrder {

	/** The request id filter: first of all. */
	public static final int REQUEST_ID = Ordered.HIGHEST_PRECEDENCE;

	/** Where Spring Boot registers its {@code ServerHttpObservationFilter}. */
	public static final int OBSERVATION = Ordered.HIGHEST_PRECEDENCE + 1;

	/** The deadline filter. */
	public static final int DEADLINE = Ordered.HIGHEST_PRECEDENCE + 10;

	/**
	 * The request executor's fork scope: inside the deadline, so forks are cancelled before
	 * the deadline filter answers 504.
	 */
	public static final int REQUEST_EXECUTOR = Ordered.HIGHEST_PRECEDENCE + 11;

	/** The security headers filter. */
	public static final int SECURITY_HEADERS = Ordered.HIGHEST_PRECEDENCE + 20;

	/**
	 * The request body limit: after the security headers, so a 413 carries them.
	 */
	public static final int REQUEST_BODY_LIMIT = Ordered.HIGHEST_PRECEDENCE + 21;

	/** The load-shedding filter. */
	public static final int LOAD_SHEDDING = Ordered.HIGHEST_PRECEDENCE + 30;

	private HardenedFilterOrder() {
	}

}
