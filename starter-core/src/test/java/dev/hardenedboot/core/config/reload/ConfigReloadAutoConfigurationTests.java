package dev.hardenedboot.core.config.reload;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigReloadAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigReloadAutoConfiguration.class))
		.withPropertyValues("hardened.config.mount-dir=/nonexistent/hardened-test");

	@Test
	void reloadsAndWatchesByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ConfigReloader.class).hasSingleBean(ConfigFileWatcher.class);
			assertThat(context.getBean(ConfigFileWatcher.class).isRunning()).isTrue();
			assertThat(context.getBean(ConfigReloader.class).reload().outcome())
				.isEqualTo(ConfigReloadResult.Outcome.UNCHANGED);
		});
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.config.reload.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ConfigReloader.class)
				.doesNotHaveBean(ConfigFileWatcher.class));
	}

	@Test
	void reloadsOnlyOnRequestWithoutWatching() {
		this.runner.withPropertyValues("hardened.config.reload.watch=false")
			.run((context) -> assertThat(context).hasSingleBean(ConfigReloader.class)
				.doesNotHaveBean(ConfigFileWatcher.class));
	}

	@Test
	void backsOffToTheApplicationsReloader() {
		this.runner.withBean("myReloader", ConfigReloader.class,
				() -> new ConfigReloader(new org.springframework.context.support.GenericApplicationContext(),
						ConfigReloadRecorder.NONE))
			.run((context) -> assertThat(context).hasSingleBean(ConfigReloader.class).hasBean("myReloader"));
	}

	@Test
	void countsReloadsWhenAMeterRegistryExists() {
		this.runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context).hasSingleBean(MicrometerConfigReloadRecorder.class));
	}

	@Test
	void noCounterWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasSingleBean(ConfigReloader.class)
				.doesNotHaveBean(ConfigReloadRecorder.class));
	}

	@Test
	void invalidSettingsStopStartUp() {
		this.runner.withPropertyValues("hardened.config.reload.quiet-period=1ms")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("quietPeriod"));
	}

}
