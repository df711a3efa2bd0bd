package dev.hardenedboot.core.config;

import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Typos in configuration: a real application start-up reading a YAML file with mistakes.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnknownKeysTests {

	private static final String CONFIG = "--spring.config.location=classpath:unknown-keys/application.yaml";

	@Test
	void typoUnderHardenedStopsStartUpWithTheNearestKeyAndWhereItWasSet() {
		UnknownConfigurationKeysException failure = catchFailure(CONFIG);
		assertThat(failure.getKeys()).singleElement().satisfies((key) -> {
			assertThat(key.name()).isEqualTo("hardened.request.timout");
			assertThat(key.suggestion()).isEqualTo("hardened.request.timeout");
			assertThat(key.origin()).contains("unknown-keys/application.yaml").contains("3:");
		});
		FailureAnalysis analysis = new UnknownConfigurationKeysFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).contains(
				"hardened.request.timout (class path resource [unknown-keys/application.yaml] - 3:13): "
						+ "did you mean 'hardened.request.timeout'?");
		assertThat(analysis.getAction()).contains("hardened.config.unknown-keys=warn");
	}

	@Test
	void warnModeStartsAndLogsIt(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run(CONFIG, "--hardened.config.unknown-keys=warn")) {
			assertThat(context.isActive()).isTrue();
		}
		assertThat(output).contains("Unknown configuration key hardened.request.timout")
			.contains("did you mean 'hardened.request.timeout'?");
	}

	@Test
	void otherLibrariesKeysAreOnlyLogged(CapturedOutput output) {
		try (ConfigurableApplicationContext context = run(CONFIG, "--hardened.config.unknown-keys=ignore",
				"--spring.applicaton.name=x")) {
			assertThat(context.isActive()).isTrue();
		}
		try (ConfigurableApplicationContext context = run("--spring.applicaton.name=x")) {
			assertThat(context.isActive()).isTrue();
		}
		assertThat(output).contains("Unknown configuration key spring.applicaton.name")
			.contains("did you mean 'spring.application.name'?");
	}

	@Test
	void listsMapsAndDeclaredKeysAreKnown() {
		ConfigurationMetadataIndex metadata = ConfigurationMetadataIndex.load(getClass().getClassLoader());
		assertThat(metadata.isKnown(name("hardened.request.timeout"))).isTrue();
		assertThat(metadata.isKnown(name("hardened.request.routes[0].path"))).isTrue();
		assertThat(metadata.isKnown(name("hardened.errors.codes.quota-exhausted.status"))).isTrue();
		assertThat(metadata.isKnown(name("hardened.errors.exceptions[java.lang.IllegalStateException]"))).isTrue();
		assertThat(metadata.isKnown(name("hardened.request.timeout.extra"))).isFalse();
		assertThat(metadata.isKnown(name("hardened.nothing"))).isFalse();
		assertThat(metadata.suggestionFor(name("hardened.completely-different-thing"))).isNull();
	}

	@Test
	void keysOfTheOtherStartersAreKnownWithoutThem() {
		// starter-resilience is not on this module's class path: core ships its metadata.
		ConfigurationMetadataIndex metadata = ConfigurationMetadataIndex.load(getClass().getClassLoader());
		assertThat(metadata.isKnown(name("hardened.resilience.slow-call-threshold"))).isTrue();
		assertThat(metadata.suggestionFor(name("hardened.resilience.slow-cal-threshold")))
			.isEqualTo("hardened.resilience.slow-call-threshold");
		try (ConfigurableApplicationContext context = run("--hardened.resilience.enabled=false")) {
			assertThat(context.isActive()).isTrue();
		}
	}

	@Test
	void streamedMetadataReadsAsBootsOwnParserDoes() {
		ConfigurationMetadataIndex streamed = ConfigurationMetadataIndex.load(getClass().getClassLoader());
		ConfigurationMetadataIndex parsed = ConfigurationMetadataIndex
			.load(new FilteredClassLoader(getClass().getClassLoader(), JsonFactory.class));
		assertThat(streamed.properties()).hasSizeGreaterThan(1000).isEqualTo(parsed.properties());
		assertThat(streamed.defaults()).isEqualTo(parsed.defaults())
			.containsEntry(name("hardened.request.timeout"), "30s")
			.containsEntry(name("server.port"), 8080);
		assertThat(streamed.defaults().values()).anySatisfy((value) -> assertThat(value).isInstanceOf(List.class));
	}

	@Test
	void editDistance() {
		assertThat(EditDistance.between("timout", "timeout")).isEqualTo(1);
		assertThat(EditDistance.between("", "abc")).isEqualTo(3);
		assertThat(EditDistance.between("kitten", "sitting")).isEqualTo(3);
	}

	private static ConfigurationPropertyName name(String name) {
		return ConfigurationPropertyName.of(name);
	}

	private static UnknownConfigurationKeysException catchFailure(String... args) {
		return assertThatExceptionOfType(UnknownConfigurationKeysException.class).isThrownBy(() -> run(args))
			.actual();
	}

	private static ConfigurableApplicationContext run(String... args) {
		SpringApplication application = new SpringApplication(Empty.class);
		application.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
		return application.run(args);
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
