package dev.hardenedboot.core.security;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.info.InfoEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.sbom.SbomEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SBOM endpoint is exposed over HTTP only on a separate management port, even when the
 * application's exposure list names it.
 */
class SensitiveEndpointsAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ServerLimitsAutoConfiguration.class, JacksonAutoConfiguration.class,
				EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class, SbomEndpointAutoConfiguration.class,
				InfoEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=info,sbom");

	@Test
	void notOnTheMainPort() {
		this.runner.withPropertyValues("server.port=8080")
			.run((context) -> assertThat(exposedIds(context)).contains("info").doesNotContain("sbom"));
	}

	@Test
	void onASeparateManagementPort() {
		this.runner.withPropertyValues("server.port=8080", "management.server.port=8081")
			.run((context) -> assertThat(exposedIds(context)).contains("info", "sbom"));
	}

	@Test
	void guardCanBeSwitchedOff() {
		this.runner.withPropertyValues("hardened.server.sensitive-endpoints-on-management-port-only=false")
			.run((context) -> assertThat(exposedIds(context)).contains("sbom"));
	}

	private static java.util.List<String> exposedIds(org.springframework.context.ApplicationContext context) {
		return context.getBean(WebEndpointsSupplier.class)
			.getEndpoints()
			.stream()
			.map((endpoint) -> endpoint.getEndpointId().toLowerCaseString())
			.toList();
	}

}
