package dev.hardenedboot.observability.health;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.health.DefaultHealthContributorRegistry;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedHealthContributorRegistryTests {

	private final HealthCheckExecutor executor = new HealthCheckExecutor(1, 4, Duration.ofSeconds(1),
			Duration.ofSeconds(1));

	private final BoundedHealthContributorRegistry registry = new BoundedHealthContributorRegistry(
			new DefaultHealthContributorRegistry(Map.of("db", (HealthIndicator) () -> Health.up().build())),
			this.executor);

	@AfterEach
	void stop() {
		this.executor.destroy();
	}

	@Test
	void contributorsRegisteredLaterAreBoundedToo() {
		HealthIndicator cache = () -> Health.up().build();
		this.registry.registerContributor("cache", cache);
		HealthContributor bounded = this.registry.getContributor("cache");
		assertThat(bounded).isInstanceOf(BoundedHealthIndicator.class);
		assertThat(((BoundedHealthIndicator) bounded).getDelegate()).isSameAs(cache);
		assertThat(this.registry.stream().map(NamedContributor::getName)).containsExactlyInAnyOrder("db", "cache");
		assertThat(this.registry.stream().map(NamedContributor::getContributor))
			.allMatch(BoundedHealthIndicator.class::isInstance);
	}

	@Test
	void oneWrapperPerContributorSoItsCheckAndCacheSurvive() {
		assertThat(this.registry.getContributor("db")).isSameAs(this.registry.getContributor("db"));
	}

	@Test
	void aContributorReplacedUnderItsNameGetsANewWrapper() {
		HealthContributor first = this.registry.getContributor("db");
		HealthIndicator replacement = () -> Health.down().build();
		assertThat(this.registry.unregisterContributor("db")).isNotNull();
		assertThat(this.registry.getContributor("db")).isNull();
		this.registry.registerContributor("db", replacement);
		HealthContributor second = this.registry.getContributor("db");
		assertThat(second).isNotSameAs(first);
		assertThat(((HealthIndicator) second).health().getStatus().getCode()).isEqualTo("DOWN");
	}

}
