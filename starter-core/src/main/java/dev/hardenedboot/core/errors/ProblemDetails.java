package dev.hardenedboot.core.errors;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

import dev.hardenedboot.core.context.RequestContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;

/**
 * Builds every problem Hardened Boot answers with, so all error paths agree: {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance}, and the extensions
 * {@code code}, {@code request_id} and {@code trace_id}.
 */
public class ProblemDetails {

	/** Boot's Micrometer Tracing MDC key, then the name our JSON logs use. */
	private static final List<String> TRACE_ID_MDC_KEYS = List.of("traceId", "trace_id");

	private static final String UNEXPECTED = "An unexpected error occurred. The service's log has the details "
			+ "under this request's request_id.";

	@Nullable
	private final URI typeBase;

	public ProblemDetails(@Nullable URI typeBase) {
		this.typeBase = typeBase;
	}

	/**
	 * A problem for {@code code}, about {@code request}.
	 * @param code the error code
	 * @param detail what the client should know about this occurrence; never internals
	 * @param request the request that failed, for {@code instance} and {@code request_id}
	 * @return the problem
	 */
	public ProblemDetail create(ErrorCode code, @Nullable String detail, @Nullable HttpServletRequest request) {
		ProblemDetail problem = ProblemDetail.forStatus(code.status());
		problem.setType(typeOf(code));
		problem.setTitle(code.title());
		problem.setDetail(detail);
		if (request != null) {
			problem.setInstance(instanceOf(request));
		}
		problem.setProperty("code", code.code());
		problem.setProperty("request_id", requestId(request));
		problem.setProperty("trace_id", traceId());
		return problem;
	}

	/**
	 * A problem response for {@code code}, as every handler answers one: problem+json, never
	 * cached, with any {@code headers} the occurrence adds (a {@code Retry-After}).
	 * @param code the error code
	 * @param detail what the client should know about this occurrence; never internals
	 * @param request the request that failed
	 * @param headers headers to add; may be empty
	 * @return the response
	 */
	public ResponseEntity<ProblemDetail> response(ErrorCode code, @Nullable String detail,
			@Nullable HttpServletRequest request, HttpHeaders headers) {
		return response(code, create(code, detail, request), headers);
	}

	/**
	 * A response for a problem built with {@link #create} and then extended.
	 * @param code the problem's error code
	 * @param problem the problem
	 * @param headers headers to add; may be empty
	 * @return the response
	 */
	public ResponseEntity<ProblemDetail> response(ErrorCode code, ProblemDetail problem, HttpHeaders headers) {
		return ResponseEntity.status(code.status())
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.headers(headers)
			.body(problem);
	}

	/**
	 * The detail when nothing more specific may be told: for a server error only that the
	 * log has it under the request id, never what failed; otherwise the code's title. A
	 * server error other than 500 (a 503, a 502) is expected and passing, so it says what
	 * happened and that a retry may succeed, rather than "unexpected".
	 * @param code the error code
	 * @return the detail
	 */
	public static String defaultDetail(ErrorCode code) {
		if (!code.status().is5xxServerError()) {
			return code.title() + ".";
		}
		if (code.status().value() == 500) {
			return UNEXPECTED;
		}
		return code.title() + ". Try again later; the service's log has the details under this request's request_id.";
	}

	URI typeOf(ErrorCode code) {
		if (this.typeBase == null) {
			return URI.create("about:blank");
		}
		String base = this.typeBase.toString();
		String slug = code.code().toLowerCase(Locale.ROOT).replace('_', '-');
		return URI.create(base.endsWith("/") ? base + slug : base + "/" + slug);
	}

	private static URI instanceOf(HttpServletRequest request) {
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = (original instanceof String errorPath) ? errorPath : request.getRequestURI();
		// "//host/x" would read as a network-path reference: keep it a path.
		path = path.replaceFirst("^/{2,}", "/");
		try {
			URI uri = new URI(path);
			if (uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawPath() != null) {
				return URI.create(uri.getRawPath());
			}
		}
		catch (URISyntaxException ex) {
			// Not a valid raw path: quote it below rather than echo it.
		}
		try {
			return new URI(null, null, path, null);
		}
		catch (URISyntaxException ex) {
			return URI.create("/");
		}
	}

	@Nullable
	private static String requestId(@Nullable HttpServletRequest request) {
		RequestContext context = (request != null) ? (RequestContext) request.getAttribute(RequestContext.ATTRIBUTE)
				: null;
		if (context == null) {
			context = RequestContext.currentOrNull();
		}
		return (context != null) ? context.requestId() : null;
	}

	@Nullable
	private static String traceId() {
		for (String key : TRACE_ID_MDC_KEYS) {
			String value = MDC.get(key);
			if (value != null && !value.isEmpty()) {
				return value;
			}
		}
		return null;
	}

}
