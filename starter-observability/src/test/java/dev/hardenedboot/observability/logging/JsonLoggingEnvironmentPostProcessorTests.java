package dev.hardenedboot.observability.logging;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLoggingEnvironmentPostProcessorTests {

	private final JsonLoggingEnvironmentPostProcessor processor = new JsonLoggingEnvironmentPostProcessor(
			new DeferredLogs());

	private final MockEnvironment environment = new MockEnvironment();

	@Test
	void pointsLoggingConfigAtTheStartersConfiguration() {
		this.processor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(this.environment.getProperty("logging.config"))
			.isEqualTo(JsonLoggingEnvironmentPostProcessor.CONFIG);
		assertThat(new DefaultResourceLoader().getResource(JsonLoggingEnvironmentPostProcessor.CONFIG).exists())
			.isTrue();
	}

	@Test
	void jsonLinesTurnTheBannerOff() {
		this.processor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(this.environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
	}

	@Test
	void theHumanConsoleKeepsTheBanner() {
		this.environment.setActiveProfiles("dev");
		this.processor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(this.environment.getProperty("logging.config")).isEqualTo(JsonLoggingEnvironmentPostProcessor.CONFIG);
		assertThat(this.environment.containsProperty("spring.main.banner-mode")).isFalse();
	}

	@Test
	void applicationsBannerModeWins() {
		this.environment.setProperty("spring.main.banner-mode", "console");
		this.processor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(this.environment.getProperty("spring.main.banner-mode")).isEqualTo("console");
	}

	@Test
	void asyncOptInSelectsTheAsyncConfiguration() {
		this.environment.setProperty("hardened.logging.async", "true");
		this.processor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(this.environment.getProperty("logging.config"))
			.isEqualTo(JsonLoggingEnvironmentPostProcessor.ASYNC_CONFIG);
		assertThat(new DefaultResourceLoader().getResource(JsonLoggingEnvironmentPostProcessor.ASYNC_CONFIG).exists())
			.isTrue();
	}

	@Test
	void applicationsLoggingConfigWins() {
		this.environment.setProperty("logging.config", "classpath:mine.xml");
		this.processor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(this.environment.getProperty("logging.config")).isEqualTo("classpath:mine.xml");
	}

	@Test
	void staysOutWhenTheApplicationShipsLogbackSpringXml(@TempDir Path classes) throws IOException {
		Files.writeString(classes.resolve("logback-spring.xml"), "<configuration/>");
		SpringApplication application = new SpringApplication();
		try (URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				getClass().getClassLoader())) {
			application.setResourceLoader(new DefaultResourceLoader(loader));
			this.processor.postProcessEnvironment(this.environment, application);
		}
		assertThat(this.environment.getPropertySources()
			.contains(JsonLoggingEnvironmentPostProcessor.PROPERTY_SOURCE_NAME)).isFalse();
	}

	@Test
	void staysOutForBootsStructuredLogging() {
		this.environment.setProperty("logging.structured.format.console", "ecs");
		this.processor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(this.environment.getProperty("logging.config")).isNull();
	}

	@Test
	void staysOutWhenTheApplicationWritesALogFile() {
		this.environment.setProperty("logging.file.name", "app.log");
		this.processor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(this.environment.getProperty("logging.config")).isNull();
	}

	@Test
	void staysOutWithoutLogback() {
		SpringApplication application = new SpringApplication();
		application.setResourceLoader(new DefaultResourceLoader(new FilteredClassLoader(LoggerContext.class)));
		this.processor.postProcessEnvironment(this.environment, application);
		assertThat(this.environment.getProperty("logging.config")).isNull();
	}

	@Test
	void staysOutWhenSwitchedOff() {
		this.environment.setProperty("hardened.logging.enabled", "false");
		this.processor.postProcessEnvironment(this.environment, new SpringApplication());
		assertThat(this.environment.getProperty("logging.config")).isNull();
	}

	@Test
	void staysOutForAnotherLoggingSystem() {
		System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
		try {
			this.processor.postProcessEnvironment(this.environment, new SpringApplication());
		}
		finally {
			System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
		}
		assertThat(this.environment.getProperty("logging.config")).isNull();
	}

}
