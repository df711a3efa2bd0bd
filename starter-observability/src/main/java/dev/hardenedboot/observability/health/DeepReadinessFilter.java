package dev.hardenedboot.observability.health;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code /health/ready?deep=true} with the deep group. Boot's additional health
 * paths map paths, not query parameters, so the request is forwarded to the deep group's
 * own path on the main port.
 */
class DeepReadinessFilter extends OncePerRequestFilter {

	static final String READY_PATH = "/health/ready";

	static final String DEEP_PATH = "/health/deep";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !READY_PATH.equals(path) || !"true".equalsIgnoreCase(request.getParameter("deep"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		request.getRequestDispatcher(DEEP_PATH).forward(request, response);
	}

}
