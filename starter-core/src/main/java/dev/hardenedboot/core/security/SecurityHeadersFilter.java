package dev.hardenedboot.core.security;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.util.StringUtils;

/**
 * Sets the security headers before anything below can commit the response. The
 * Content-Security-Policy depends on what the response turns out to be (an API's JSON gets
 * the strict policy, an HTML page is the application's business), so it is added when the
 * body starts, once the content type is known.
 */
class SecurityHeadersFilter extends HttpFilter {

	private final List<Map.Entry<String, String>> always;

	private final String contentSecurityPolicy;

	private final String strictTransportSecurity;

	/**
	 * @param properties the header values
	 * @param springSecurityWritesHeaders whether Spring Security's header writer runs; the
	 * headers it owns are then left to it, so the two never disagree
	 */
	SecurityHeadersFilter(SecurityHeadersProperties properties, boolean springSecurityWritesHeaders) {
		List<Map.Entry<String, String>> headers = new ArrayList<>();
		if (!springSecurityWritesHeaders) {
			add(headers, "X-Content-Type-Options", properties.getContentTypeOptions());
			add(headers, "X-Frame-Options", properties.getFrameOptions());
		}
		add(headers, "Referrer-Policy", properties.getReferrerPolicy());
		add(headers, "Permissions-Policy", properties.getPermissionsPolicy());
		this.always = List.copyOf(headers);
		this.contentSecurityPolicy = properties.getContentSecurityPolicy();
		this.strictTransportSecurity = springSecurityWritesHeaders ? "" : properties.getStrictTransportSecurity();
	}

	private static void add(List<Map.Entry<String, String>> headers, String name, String value) {
		if (StringUtils.hasText(value)) {
			headers.add(Map.entry(name, value));
		}
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		applyExchangeHeaders(request, response);
		if (!StringUtils.hasText(this.contentSecurityPolicy)) {
			chain.doFilter(request, response);
			return;
		}
		ContentSecurityPolicyResponse wrapped = new ContentSecurityPolicyResponse(response, this.contentSecurityPolicy);
		try {
			chain.doFilter(request, wrapped);
		}
		finally {
			// Also when the chain fails: the problem an outer filter writes keeps the header.
			wrapped.applyPolicy();
		}
	}

	private void applyExchangeHeaders(HttpServletRequest request, HttpServletResponse response) {
		for (Map.Entry<String, String> header : this.always) {
			response.setHeader(header.getKey(), header.getValue());
		}
		if (request.isSecure() && StringUtils.hasText(this.strictTransportSecurity)) {
			response.setHeader("Strict-Transport-Security", this.strictTransportSecurity);
		}
	}

	/**
	 * The headers of a problem a filter outside this one writes itself: a problem is JSON,
	 * so the strict policy applies.
	 */
	void applyToProblem(HttpServletRequest request, HttpServletResponse response) {
		applyExchangeHeaders(request, response);
		if (StringUtils.hasText(this.contentSecurityPolicy)) {
			response.setHeader("Content-Security-Policy", this.contentSecurityPolicy);
		}
	}

	/**
	 * Adds the policy at the first moment the body may start: the content type is final by
	 * then.
	 */
	static final class ContentSecurityPolicyResponse extends HttpServletResponseWrapper {

		private final String policy;

		private boolean decided;

		ContentSecurityPolicyResponse(HttpServletResponse response, String policy) {
			super(response);
			this.policy = policy;
		}

		void applyPolicy() {
			if (this.decided || isCommitted()) {
				return;
			}
			this.decided = true;
			String contentType = getContentType();
			boolean html = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/html");
			if (!html && !containsHeader("Content-Security-Policy")) {
				setHeader("Content-Security-Policy", this.policy);
			}
		}

		@Override
		public ServletOutputStream getOutputStream() throws IOException {
			applyPolicy();
			return super.getOutputStream();
		}

		@Override
		public PrintWriter getWriter() throws IOException {
			applyPolicy();
			return super.getWriter();
		}

		@Override
		public void flushBuffer() throws IOException {
			applyPolicy();
			super.flushBuffer();
		}

		@Override
		public void sendError(int sc, String msg) throws IOException {
			// The error page decides its own content type; the ERROR dispatch runs this filter again.
			this.decided = true;
			super.sendError(sc, msg);
		}

		@Override
		public void sendError(int sc) throws IOException {
			this.decided = true;
			super.sendError(sc);
		}

		@Override
		public void sendRedirect(String location) throws IOException {
			applyPolicy();
			super.sendRedirect(location);
		}

	}

}
