package dev.hardenedboot.observability.tracing;

import java.util.List;
import java.util.function.Predicate;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.util.AntPathMatcher;

/**
 * No observation, and so no span, timer or trace id, for a request to a probe or actuator
 * path.
 * <p>
 * This runs for every request, so each Ant pattern is compiled once: a literal path becomes a
 * string comparison and {@code /prefix/**} a prefix test (both as {@link AntPathMatcher} would
 * decide them); only a pattern with other wildcards goes through the matcher.
 */
class UntracedPathsObservationPredicate implements ObservationPredicate {

	private static final AntPathMatcher MATCHER = new AntPathMatcher();

	private final List<Predicate<String>> patterns;

	UntracedPathsObservationPredicate(List<String> patterns) {
		this.patterns = patterns.stream().map(UntracedPathsObservationPredicate::compile).toList();
	}

	@Override
	public boolean test(String name, Observation.Context context) {
		if (context instanceof ServerRequestObservationContext server) {
			HttpServletRequest request = server.getCarrier();
			String uri = request.getRequestURI();
			String contextPath = request.getContextPath();
			String path = contextPath.isEmpty() ? uri : uri.substring(contextPath.length());
			for (Predicate<String> pattern : this.patterns) {
				if (pattern.test(path)) {
					return false;
				}
			}
		}
		return true;
	}

	static Predicate<String> compile(String pattern) {
		if (!MATCHER.isPattern(pattern)) {
			return pattern::equals;
		}
		if (pattern.endsWith("/**")) {
			String prefix = pattern.substring(0, pattern.length() - 3);
			if (!MATCHER.isPattern(prefix)) {
				String directory = prefix + "/";
				// AntPathMatcher's "/x/**" also matches "/x" itself.
				return (path) -> path.startsWith(directory) || path.equals(prefix);
			}
		}
		return (path) -> MATCHER.match(pattern, path);
	}

}
