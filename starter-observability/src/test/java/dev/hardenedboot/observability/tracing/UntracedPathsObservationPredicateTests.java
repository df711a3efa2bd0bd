package dev.hardenedboot.observability.tracing;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.AntPathMatcher;

import static org.assertj.core.api.Assertions.assertThat;

class UntracedPathsObservationPredicateTests {

	private static final List<String> PATTERNS = List.of("/health/**", "/livez", "/actuator", "/actuator/**",
			"/internal/*/status", "/files/**/*.json", "/v?/ping");

	private static final List<String> PATHS = List.of("/health", "/health/", "/health/ready", "/health/ready/x",
			"/healthz", "/livez", "/livez/", "/live", "/actuator", "/actuator/prometheus", "/actuators", "/",
			"", "/internal/a/status", "/internal/a/b/status", "/files/a/b/c.json", "/files/c.txt", "/v1/ping",
			"/v10/ping", "/orders/1");

	@Test
	void compiledPatternsDecideAsAntPathMatcherDoes() {
		AntPathMatcher matcher = new AntPathMatcher();
		for (String pattern : PATTERNS) {
			var compiled = UntracedPathsObservationPredicate.compile(pattern);
			for (String path : PATHS) {
				assertThat(compiled.test(path)).as("%s against %s", pattern, path)
					.isEqualTo(matcher.match(pattern, path));
			}
		}
	}

	@Test
	void pathIsTakenBelowTheContextPath() {
		UntracedPathsObservationPredicate predicate = new UntracedPathsObservationPredicate(List.of("/livez"));
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/app/livez");
		request.setContextPath("/app");
		assertThat(predicate.test("http.server.requests",
				new ServerRequestObservationContext(request, new MockHttpServletResponse())))
			.isFalse();
		MockHttpServletRequest other = new MockHttpServletRequest("GET", "/livez/more");
		assertThat(predicate.test("http.server.requests",
				new ServerRequestObservationContext(other, new MockHttpServletResponse())))
			.isTrue();
	}

}
