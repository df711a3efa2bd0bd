package dev.hardenedboot.resilience.health;

import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakersHealthIndicatorAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class BreakerHealthAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BreakerHealthAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoint.health.group.deep.include=circuitBreakers,ping")
		.withBean("circuitBreakersHealthIndicator", HealthIndicator.class,
				() -> () -> Health.down().build());

	@Test
	void onByDefaultTheRootLeavesTheBreakersOutAndTheGroupsKeepThem() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(RootHealthWithoutBreakers.class);
			HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
			assertThat(groups.getPrimary().isMember("circuitBreakers")).isFalse();
			assertThat(groups.getPrimary().isMember("ping")).isTrue();
			assertThat(groups.get("deep").isMember("circuitBreakers")).isTrue();
		});
	}

	@Test
	void offWithHardenedResilience() {
		this.runner.withPropertyValues("hardened.resilience.enabled=false")
			.run((context) -> assertThat(context.getBean(HealthEndpointGroups.class).getPrimary()
				.isMember("circuitBreakers")).isTrue());
	}

	@Test
	void offWithoutTheBreakersHealth() {
		this.runner.withPropertyValues("management.health.circuitbreakers.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(RootHealthWithoutBreakers.class));
	}

	@Test
	void backsOffToAUserBean() {
		RootHealthWithoutBreakers own = new RootHealthWithoutBreakers();
		this.runner.withBean(RootHealthWithoutBreakers.class, () -> own)
			.run((context) -> assertThat(context).getBean(RootHealthWithoutBreakers.class).isSameAs(own));
	}

	@Test
	void absentWithoutResilience4jsBreakerHealth() {
		this.runner.withClassLoader(new FilteredClassLoader(CircuitBreakersHealthIndicatorAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(RootHealthWithoutBreakers.class));
	}

}
