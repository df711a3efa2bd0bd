package dev.hardenedboot.core.config.reload;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With spring-cloud-context on the class path (this class runs in its own Surefire execution
 * that has it), a checked change is handed to Spring Cloud's rebinder; an invalid one never
 * reaches it.
 */
class SpringCloudReloadTests extends ReloadingApplicationTests {

	private final List<Set<String>> cloudEvents = new CopyOnWriteArrayList<>();

	@Test
	void springCloudRebindsTheBeansAndSetsTheLevels() throws Exception {
		String logger = "dev.hardenedboot.CloudReloadProbe";
		write("app.yaml", "orders:\n  greeting: hi\n");
		start();
		write("app.yaml", "orders:\n  greeting: hola\nlogging:\n  level:\n    " + logger + ": trace\n");
		ConfigReloadResult result = this.context.getBean(ConfigReloader.class).reload();
		assertThat(result.outcome()).isEqualTo(ConfigReloadResult.Outcome.APPLIED);
		assertThat(this.cloudEvents).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.COLLECTION)
			.contains("orders.greeting");
		assertThat(settings().getGreeting()).isEqualTo("hola");
		assertThat(LoggingSystem.get(getClass().getClassLoader()).getLoggerConfiguration(logger).getConfiguredLevel())
			.isEqualTo(LogLevel.TRACE);
	}

	@Test
	void invalidChangeNeverReachesSpringCloud() throws Exception {
		start();
		write("app.yaml", "orders:\n  batch-size: 500\n");
		assertThat(this.context.getBean(ConfigReloader.class).reload().outcome())
			.isEqualTo(ConfigReloadResult.Outcome.REJECTED);
		assertThat(this.cloudEvents).isEmpty();
		assertThat(settings().getBatchSize()).isEqualTo(10);
	}

	private void start() {
		ApplicationListener<EnvironmentChangeEvent> listener = (event) -> this.cloudEvents.add(event.getKeys());
		this.context = new SpringApplicationBuilder(ReloadTestApplication.class).web(WebApplicationType.NONE)
			.listeners(listener)
			.run("--hardened.config.mount-dir=" + this.mount, "--hardened.config.reload.watch=false",
					"--spring.main.banner-mode=off");
	}

}
