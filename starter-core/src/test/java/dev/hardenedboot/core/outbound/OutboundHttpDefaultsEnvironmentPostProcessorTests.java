package dev.hardenedboot.core.outbound;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundHttpDefaultsEnvironmentPostProcessorTests {

	private final OutboundHttpDefaultsEnvironmentPostProcessor processor =
			new OutboundHttpDefaultsEnvironmentPostProcessor();

	@Test
	void timeoutsGetDefaultsWhenUnset() {
		StandardEnvironment environment = new StandardEnvironment();
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.http.client.connect-timeout")).isEqualTo("2s");
		assertThat(environment.getProperty("spring.http.client.read-timeout")).isEqualTo("10s");
		assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
			.isEqualTo(OutboundHttpDefaultsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
	}

	@Test
	void applicationValuesWin() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application", Map.of("spring.http.client.read-timeout", "750ms")));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.http.client.read-timeout")).isEqualTo("750ms");
		assertThat(environment.getProperty("spring.http.client.connect-timeout")).isEqualTo("2s");
	}

}
