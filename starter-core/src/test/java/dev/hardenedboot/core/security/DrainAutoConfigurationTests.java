package dev.hardenedboot.core.security;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DrainAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DrainAutoConfiguration.class));

	@Test
	void noDelayOffTheCloudSoTestsAndRestartsDoNotWait() {
		this.runner.run((context) -> assertThat(context.getBean(DrainDelayLifecycle.class).delay()).isZero());
	}

	// Decided without a running context: closing one would really wait out the delay.
	@Test
	void fiveSecondsOnKubernetes() {
		MockEnvironment kubernetes = new MockEnvironment().withProperty("spring.main.cloud-platform", "kubernetes");
		assertThat(DrainAutoConfiguration.drainDelay(new ShutdownProperties(), kubernetes))
			.isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void configuredDelayWins() {
		ShutdownProperties properties = new ShutdownProperties();
		properties.setDrainDelay(Duration.ofSeconds(12));
		MockEnvironment kubernetes = new MockEnvironment().withProperty("spring.main.cloud-platform", "kubernetes");
		assertThat(DrainAutoConfiguration.drainDelay(properties, kubernetes)).isEqualTo(Duration.ofSeconds(12));
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.shutdown.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DrainDelayLifecycle.class));
	}

	@Test
	void backsOffToAUserLifecycle() {
		DrainDelayLifecycle mine = new DrainDelayLifecycle(Duration.ofMillis(1));
		this.runner.withBean(DrainDelayLifecycle.class, () -> mine)
			.run((context) -> assertThat(context.getBean(DrainDelayLifecycle.class)).isSameAs(mine));
	}

	@Test
	void absentOutsideWebApplications() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DrainAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DrainDelayLifecycle.class));
	}

	@Test
	void stopsBeforeTheWebServersGracefulShutdown() {
		DrainDelayLifecycle lifecycle = new DrainDelayLifecycle(Duration.ZERO);
		assertThat(lifecycle.getPhase()).isGreaterThan(
				org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
		lifecycle.start();
		assertThat(lifecycle.isRunning()).isTrue();
		lifecycle.stop();
		assertThat(lifecycle.isRunning()).isFalse();
	}

}
