package dev.hardenedboot.core.deadline;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardenedboot.core.context.RequestContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes the deadline's own answers (400 for a bad {@code X-Request-Timeout}, 504 for an
 * expired deadline) as RFC 9457 {@code application/problem+json} with the contract's
 * extensions. They are written from a filter, where no exception resolver runs.
 */
final class ProblemResponses {

	/**
	 * Headers that describe the body being thrown away; every other header (request id,
	 * security headers, cookies) describes the exchange and stays on the replacement.
	 */
	private static final Set<String> REPRESENTATION_HEADERS = Set.of("content-type", "content-length",
			"content-encoding", "content-language", "content-location", "content-range", "content-disposition",
			"etag", "last-modified", "location", "transfer-encoding");

	/** Boot's Micrometer Tracing MDC key, then the name our JSON logs use. */
	private static final List<String> TRACE_ID_MDC_KEYS = List.of("traceId", "trace_id");

	private final ObjectMapper objectMapper;

	ProblemResponses(ObjectMapper objectMapper) {
		this.objectMapper = objectMapper;
	}

	/**
	 * Replaces whatever the response holds, unless it is committed.
	 * @return whether the problem was written
	 */
	boolean write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			String title, String detail) throws IOException {
		if (response.isCommitted()) {
			return false;
		}
		Map<String, List<String>> kept = exchangeHeaders(response);
		response.reset();
		kept.forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		problem.put("code", code);
		RequestContext context = (RequestContext) request.getAttribute(RequestContext.ATTRIBUTE);
		problem.put("request_id", (context != null) ? context.requestId() : null);
		problem.put("trace_id", traceId());
		byte[] body = this.objectMapper.writeValueAsBytes(problem);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
		return true;
	}

	private static Map<String, List<String>> exchangeHeaders(HttpServletResponse response) {
		Map<String, List<String>> kept = new LinkedHashMap<>();
		for (String name : response.getHeaderNames()) {
			if (!REPRESENTATION_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
				kept.putIfAbsent(name, new ArrayList<>(response.getHeaders(name)));
			}
		}
		return kept;
	}

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
