package dev.hardenedboot.core.deadline;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class DeadlinePolicyTests {

	private final RequestProperties properties = new RequestProperties();

	@Test
	void defaultBudgetIsThirtySeconds() {
		assertThat(budget("GET", "/orders/1", null))
			.isEqualTo(new DeadlinePolicy.Budget(Duration.ofSeconds(30), false));
	}

	@Test
	void callerMayAskForLessOrMoreUpToTheCap() {
		assertThat(budget("GET", "/orders/1", "500ms").duration()).isEqualTo(Duration.ofMillis(500));
		assertThat(budget("GET", "/orders/1", "45s").duration()).isEqualTo(Duration.ofSeconds(45));
		assertThat(budget("GET", "/orders/1", "10m").duration()).isEqualTo(Duration.ofSeconds(60));
		assertThat(budget("GET", "/orders/1", "500").explicit()).isTrue();
	}

	@Test
	void malformedHeaderIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> budget("GET", "/", "soon"));
	}

	@Test
	void firstMatchingRouteWinsAndMethodsNarrowIt() {
		this.properties.setRoutes(List.of(route("/reports/**", Duration.ofMinutes(2), "post"),
				route("/reports/**", Duration.ofSeconds(5)), route("/orders/{id}", Duration.ofSeconds(2))));
		assertThat(budget("POST", "/reports/monthly", null))
			.isEqualTo(new DeadlinePolicy.Budget(Duration.ofMinutes(2), true));
		assertThat(budget("GET", "/reports/monthly", null).duration()).isEqualTo(Duration.ofSeconds(5));
		assertThat(budget("GET", "/orders/7", null).duration()).isEqualTo(Duration.ofSeconds(2));
		assertThat(budget("GET", "/orders/7/lines", null).duration()).isEqualTo(Duration.ofSeconds(30));
		assertThat(budget("GET", "/orders/7", "100ms").duration()).isEqualTo(Duration.ofMillis(100));
	}

	@Test
	void actuatorAndProbesAreExempt() {
		assertThat(budget("GET", "/actuator/health", "1s")).isNull();
		assertThat(budget("GET", "/health/ready", null)).isNull();
		assertThat(budget("GET", "/healthy", null)).isNotNull();
	}

	@Test
	void contextPathIsNotPartOfTheMatchedPath() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/shop/actuator/health");
		request.setContextPath("/shop");
		assertThat(new DeadlinePolicy(this.properties).budgetFor(request)).isNull();
	}

	@Test
	void invalidPatternNamesThePropertyAndTheFix() {
		this.properties.setRoutes(List.of(route("/reports/**/x/**", Duration.ofSeconds(1))));
		assertThatIllegalStateException().isThrownBy(() -> new DeadlinePolicy(this.properties))
			.withMessageContaining("hardened.request.routes[0].path")
			.withMessageContaining("/reports/**/x/**")
			.withMessageContaining("Use Spring MVC pattern syntax");
	}

	private DeadlinePolicy.Budget budget(String method, String path, String header) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		if (header != null) {
			request.addHeader("X-Request-Timeout", header);
		}
		return new DeadlinePolicy(this.properties).budgetFor(request);
	}

	private static RequestProperties.Route route(String path, Duration timeout, String... methods) {
		RequestProperties.Route route = new RequestProperties.Route();
		route.setPath(path);
		route.setTimeout(timeout);
		route.setMethods(List.of(methods));
		return route;
	}

}
