package dev.hardenedboot.observability.health;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.lang.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code /health/live}, {@code /health/ready} and {@code /health/ready?deep=true} on
 * the main port. Boot's additional health paths take one segment only ({@code /livez}) and
 * match paths, not query parameters, so these requests are forwarded to the groups'
 * single-segment main-port paths.
 */
class HealthProbePathsFilter extends OncePerRequestFilter {

	static final String LIVE = "/livez";

	static final String READY = "/readyz";

	static final String DEEP = "/deepz";

	private static final Map<String, String> FORWARDS = Map.of("/health/live", LIVE, "/health/ready", READY);

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return target(request) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		request.getRequestDispatcher(target(request)).forward(request, response);
	}

	@Nullable
	private static String target(HttpServletRequest request) {
		String target = FORWARDS.get(request.getRequestURI().substring(request.getContextPath().length()));
		if (READY.equals(target) && "true".equalsIgnoreCase(request.getParameter("deep"))) {
			return DEEP;
		}
		return target;
	}

}
