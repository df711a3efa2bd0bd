package dev.hardenedboot.core.errors;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Writes a problem straight to a servlet response, for the error paths that run where no
 * message converter does: filters, the error controller. Whatever the response held is
 * replaced, except the headers that describe the exchange rather than the discarded body.
 */
public class ProblemResponseWriter {

	/**
	 * Headers that describe the body being thrown away; every other header (request id,
	 * security headers, cookies) describes the exchange and stays on the replacement.
	 */
	private static final Set<String> REPRESENTATION_HEADERS = Set.of("content-type", "content-length",
			"content-encoding", "content-language", "content-location", "content-range", "content-disposition",
			"etag", "last-modified", "location", "transfer-encoding", "cache-control", "expires");

	private final ObjectMapper objectMapper;

	private final List<ProblemResponseCustomizer> customizers;

	public ProblemResponseWriter(ObjectMapper objectMapper) {
		this(objectMapper, List.of());
	}

	public ProblemResponseWriter(ObjectMapper objectMapper, List<ProblemResponseCustomizer> customizers) {
		this.objectMapper = objectMapper;
		this.customizers = List.copyOf(customizers);
	}

	/**
	 * Replaces the response with {@code problem}, unless it is already committed.
	 * @param request the request being answered
	 * @param response the response
	 * @param problem the problem
	 * @return whether the problem was written
	 * @throws IOException when writing fails
	 */
	public boolean write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		if (response.isCommitted()) {
			return false;
		}
		Map<String, List<String>> kept = exchangeHeaders(response);
		response.reset();
		kept.forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		for (ProblemResponseCustomizer customizer : this.customizers) {
			customizer.customize(request, response);
		}
		byte[] body = this.objectMapper.writeValueAsBytes(toMap(problem));
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
		response.flushBuffer();
		return true;
	}

	/**
	 * The problem as RFC 9457 JSON members, extensions at the top level, independent of
	 * whether the mapper knows Spring's {@code ProblemDetail} mix-in.
	 */
	static Map<String, Object> toMap(ProblemDetail problem) {
		Map<String, Object> members = new LinkedHashMap<>();
		members.put("type", problem.getType().toString());
		members.put("title", problem.getTitle());
		members.put("status", problem.getStatus());
		members.put("detail", problem.getDetail());
		members.put("instance", (problem.getInstance() != null) ? problem.getInstance().toString() : null);
		if (problem.getProperties() != null) {
			members.putAll(problem.getProperties());
		}
		return members;
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

}
