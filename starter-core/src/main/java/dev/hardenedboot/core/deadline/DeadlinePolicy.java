package dev.hardenedboot.core.deadline;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.PathContainer;
import org.springframework.lang.Nullable;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.springframework.web.util.pattern.PatternParseException;

/**
 * Decides a request's budget: none on exempt paths; otherwise the caller's
 * {@code X-Request-Timeout} capped by {@code max-timeout}, else the first matching route's
 * budget, else the default {@code timeout}. Patterns are parsed once, at start-up.
 */
final class DeadlinePolicy {

	private final Duration timeout;

	private final Budget defaultBudget;

	private final Duration maxTimeout;

	private final List<RouteBudget> routes;

	private final List<PathMatch> exemptPaths;

	DeadlinePolicy(RequestProperties properties) {
		this.timeout = properties.getTimeout();
		this.defaultBudget = new Budget(this.timeout, false);
		this.maxTimeout = properties.getMaxTimeout();
		List<RequestProperties.Route> routes = properties.getRoutes();
		this.routes = IntStream.range(0, routes.size())
			.mapToObj((i) -> RouteBudget.of(routes.get(i), "hardened.request.routes[" + i + "].path"))
			.toList();
		List<String> exempt = properties.getExemptPaths();
		this.exemptPaths = IntStream.range(0, exempt.size())
			.mapToObj((i) -> PathMatch.of(exempt.get(i), "hardened.request.exempt-paths[" + i + "]"))
			.toList();
	}

	/**
	 * The budget of {@code request}, or {@code null} when its path is exempt.
	 * @throws IllegalArgumentException when the caller's {@code X-Request-Timeout} is invalid
	 */
	@Nullable
	Budget budgetFor(HttpServletRequest request) {
		String pathWithinApplication = pathWithinApplication(request);
		PathContainer path = null;
		for (PathMatch exempt : this.exemptPaths) {
			if (exempt.prefix() != null) {
				if (exempt.matchesPrefix(pathWithinApplication)) {
					return null;
				}
			}
			else {
				path = (path != null) ? path : PathContainer.parsePath(pathWithinApplication);
				if (exempt.pattern().matches(path)) {
					return null;
				}
			}
		}
		String header = request.getHeader(RequestTimeoutHeader.NAME);
		if (header != null) {
			Duration asked = RequestTimeoutHeader.parse(header);
			return new Budget((asked.compareTo(this.maxTimeout) > 0) ? this.maxTimeout : asked, true);
		}
		if (!this.routes.isEmpty()) {
			path = (path != null) ? path : PathContainer.parsePath(pathWithinApplication);
			for (RouteBudget route : this.routes) {
				if (route.matches(request.getMethod(), path)) {
					return new Budget(route.timeout(), true);
				}
			}
		}
		return this.defaultBudget;
	}

	private static String pathWithinApplication(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String contextPath = request.getContextPath();
		return (!contextPath.isEmpty() && uri.startsWith(contextPath)) ? uri.substring(contextPath.length()) : uri;
	}

	static PathPattern parse(String pattern, String property) {
		try {
			return PathPatternParser.defaultInstance.parse(pattern);
		}
		catch (PatternParseException ex) {
			throw new IllegalStateException(property + " is '" + pattern + "', which is not a valid path pattern ("
					+ ex.getMessage() + "). Use Spring MVC pattern syntax, such as /reports/** or /orders/{id}.",
					ex);
		}
	}

	/**
	 * A budget for one request.
	 *
	 * @param duration how long the request may take
	 * @param explicit whether a route or the caller asked for it; explicit budgets also
	 * bound streaming responses
	 */
	record Budget(Duration duration, boolean explicit) {
	}

	/**
	 * An exempt path. The common shape, a literal prefix with {@code /**}
	 * ({@code /actuator/**}), is matched on the raw path without parsing it, because it is
	 * checked on every request; any other pattern goes through {@link PathPattern}.
	 */
	private record PathMatch(@Nullable String prefix, PathPattern pattern) {

		static PathMatch of(String pattern, String property) {
			PathPattern parsed = parse(pattern, property);
			String prefix = null;
			if (pattern.endsWith("/**")) {
				String head = pattern.substring(0, pattern.length() - 3);
				if (head.startsWith("/") && head.chars().noneMatch((c) -> c == '*' || c == '{' || c == '?')) {
					prefix = head;
				}
			}
			return new PathMatch(prefix, parsed);
		}

		boolean matchesPrefix(String path) {
			return path.startsWith(this.prefix)
					&& (path.length() == this.prefix.length() || path.charAt(this.prefix.length()) == '/');
		}

	}

	private record RouteBudget(PathPattern pattern, Set<String> methods, Duration timeout) {

		static RouteBudget of(RequestProperties.Route route, String property) {
			Set<String> methods = route.getMethods()
				.stream()
				.map((method) -> method.strip().toUpperCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
			return new RouteBudget(parse(route.getPath(), property), methods, route.getTimeout());
		}

		boolean matches(String method, PathContainer path) {
			return (this.methods.isEmpty() || this.methods.contains(method)) && this.pattern.matches(path);
		}

	}

}
