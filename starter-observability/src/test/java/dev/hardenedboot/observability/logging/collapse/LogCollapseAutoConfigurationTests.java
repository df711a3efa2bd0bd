package dev.hardenedboot.observability.logging.collapse;

import java.util.List;
import java.util.Set;

import ch.qos.logback.classic.LoggerContext;
import dev.hardenedboot.core.config.ConfigReloadedEvent;
import dev.hardenedboot.observability.logging.LoggingProperties;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class LogCollapseAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(LogCollapseAutoConfiguration.class));

	private final LoggerContext logback = (LoggerContext) LoggerFactory.getILoggerFactory();

	@Test
	void presentButDetachedByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(LogCollapser.class);
			assertThat(this.logback.getTurboFilterList()).doesNotContain(context.getBean(LogCollapser.class));
		});
	}

	@Test
	void onBySwitchInFrontOfEveryLoggerUntilTheContextCloses() {
		LogCollapser[] collapser = new LogCollapser[1];
		this.runner.withPropertyValues("hardened.logging.collapse.enabled=true", "hardened.logging.collapse.window=5s")
			.run((context) -> {
				collapser[0] = context.getBean(LogCollapser.class);
				assertThat(this.logback.getTurboFilterList()).contains(collapser[0]);
				assertThat(context.getBean(LoggingProperties.class).getCollapse().getWindow()).hasSeconds(5);
			});
		assertThat(this.logback.getTurboFilterList()).doesNotContain(collapser[0]);
	}

	@Test
	void aReloadTurnsItOnWithoutARestart() {
		this.runner.run((context) -> {
			LogCollapser collapser = context.getBean(LogCollapser.class);
			// What a reload does: rebind the properties, then publish the event.
			context.getBean(LoggingProperties.class).getCollapse().setEnabled(true);
			context.publishEvent(
					new ConfigReloadedEvent(this, Set.of("hardened.logging.collapse.enabled"), List.of()));
			assertThat(this.logback.getTurboFilterList()).contains(collapser);
		});
	}

	@Test
	void offWithTheStartersLogging() {
		this.runner.withPropertyValues("hardened.logging.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LogCollapser.class));
	}

	@Test
	void backsOffToTheApplicationsCollapser() {
		this.runner
			.withBean("myCollapser", LogCollapser.class,
					() -> new LogCollapser(this.logback, new LoggingProperties.Collapse()))
			.run((context) -> assertThat(context).hasSingleBean(LogCollapser.class).hasBean("myCollapser"));
	}

	@Test
	void absentWithoutLogback() {
		this.runner.withClassLoader(new FilteredClassLoader(LoggerContext.class))
			.run((context) -> assertThat(context).doesNotHaveBean(LogCollapser.class));
	}

	@Test
	void windowBelowOneTenthOfASecondIsRejected() {
		this.runner.withPropertyValues("hardened.logging.collapse.window=10ms")
			.run((context) -> assertThat(context).hasFailed());
	}

}
