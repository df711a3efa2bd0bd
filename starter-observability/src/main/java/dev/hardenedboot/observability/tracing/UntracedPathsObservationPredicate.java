package dev.hardenedboot.observability.tracing;

import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.PathMatcher;

/**
 * No observation, and so no span, timer or trace id, for a request to a probe or actuator
 * path.
 */
class UntracedPathsObservationPredicate implements ObservationPredicate {

	private final PathMatcher matcher = new AntPathMatcher();

	private final List<String> patterns;

	UntracedPathsObservationPredicate(List<String> patterns) {
		this.patterns = List.copyOf(patterns);
	}

	@Override
	public boolean test(String name, Observation.Context context) {
		if (context instanceof ServerRequestObservationContext server) {
			HttpServletRequest request = server.getCarrier();
			String path = request.getRequestURI().substring(request.getContextPath().length());
			for (String pattern : this.patterns) {
				if (this.matcher.match(pattern, path)) {
					return false;
				}
			}
		}
		return true;
	}

}
