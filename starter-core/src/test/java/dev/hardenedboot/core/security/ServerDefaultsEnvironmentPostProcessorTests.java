package dev.hardenedboot.core.security;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class ServerDefaultsEnvironmentPostProcessorTests {

	private final ServerDefaultsEnvironmentPostProcessor processor = new ServerDefaultsEnvironmentPostProcessor();

	@Test
	void serverLimitsAndSafeDefaultsApplyWhenUnset() {
		StandardEnvironment environment = new StandardEnvironment();
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("server.tomcat.connection-timeout")).isEqualTo("5s");
		assertThat(environment.getProperty("server.error.include-stacktrace")).isEqualTo("never");
		assertThat(environment.getProperty("server.shutdown")).isEqualTo("graceful");
		assertThat(environment.getProperty("management.endpoints.web.exposure.include"))
			.isEqualTo("health,info,prometheus");
	}

	@Test
	void applicationValuesWin() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application", Map.of("server.tomcat.connection-timeout", "20s")));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("server.tomcat.connection-timeout")).isEqualTo("20s");
		assertThat(environment.getPropertySources().stream()
			.filter((source) -> source.getName().equals(ServerDefaultsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.count()).isEqualTo(1);
	}

}
