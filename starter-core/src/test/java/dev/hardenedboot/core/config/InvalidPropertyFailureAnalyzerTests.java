package dev.hardenedboot.core.config;

import dev.hardenedboot.core.deadline.RequestProperties;
import jakarta.validation.constraints.Max;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Bad values at a real start-up, and what the failure analysis tells the operator.
 */
class InvalidPropertyFailureAnalyzerTests {

	private final InvalidPropertyFailureAnalyzer analyzer = new InvalidPropertyFailureAnalyzer(new MockEnvironment());

	@Test
	void badDuration() {
		FailureAnalysis analysis = analyze("--hardened.request.timeout=soon");
		assertThat(analysis.getDescription()).contains("Invalid value for 'hardened.request.timeout'")
			.contains("Value: \"soon\"")
			.contains("Origin: \"hardened.request.timeout\" from property source \"commandLineArgs\"")
			.contains("Reason: it is not a duration such as 500ms, 30s or 2m");
		assertThat(analysis.getAction()).contains("Set 'hardened.request.timeout' to a duration such as 500ms")
			.contains("its default is 30s");
	}

	@Test
	void negativeTimeout() {
		FailureAnalysis analysis = analyze("--hardened.request.timeout=-5s");
		assertThat(analysis.getDescription()).contains("Invalid value for 'hardened.request.timeout'")
			.contains("Value: \"-5s\"")
			.contains("Origin: \"hardened.request.timeout\" from property source \"commandLineArgs\"")
			.contains("Reason: must be longer than or equal to 1 milli");
		assertThat(analysis.getAction()).contains("its default is 30s");
	}

	@Test
	void missingRequiredValue() {
		FailureAnalysis analysis = analyze("--hardened.request.routes[0].path=/reports/**");
		assertThat(analysis.getDescription()).contains("Invalid value for 'hardened.request.routes[0].timeout'")
			.contains("Value: (none)")
			.contains("Reason: must not be null");
		assertThat(analysis.getAction()).contains("Set 'hardened.request.routes[0].timeout'");
	}

	@Test
	void crossFieldCheckNamesTheDeclaredProperty() {
		FailureAnalysis analysis = analyze("--hardened.request.timeout=90s");
		assertThat(analysis.getDescription()).contains("Invalid value for 'hardened.request.timeout'")
			.contains("Value: \"90s\"")
			.contains("Reason: must not be longer than hardened.request.max-timeout");
	}

	@Test
	void otherPrefixesAreLeftToBoot() {
		Throwable failure = catchThrowableOfType(Throwable.class, () -> run(OtherProperties.class, "--other.size=big"));
		assertThat(failure).hasRootCauseInstanceOf(NumberFormatException.class);
		assertThat(this.analyzer.analyze(failure)).isNull();
	}

	@Test
	void strictPrefixGetsBeanValidationWithoutValidated() {
		FailureAnalysis analysis = analyzeStrict("--other.size=500");
		assertThat(analysis.getDescription()).contains("Invalid value for 'other.size'")
			.contains("Value: \"500\"")
			.contains("Reason: must be less than or equal to 100");
		assertThat(analysis.getAction()).contains("Set 'other.size'");
	}

	@Test
	void strictPrefixRejectsAKeyItsClassDoesNotDeclare() {
		FailureAnalysis analysis = analyzeStrict("--other.sise=5");
		assertThat(analysis.getDescription())
			.contains("The configuration sets keys under 'other' that Other does not declare")
			.contains("other.sise (\"other.sise\" from property source \"commandLineArgs\"): did you mean 'other.size'?");
		assertThat(analysis.getAction()).contains("[other.size]");
	}

	@Test
	void withoutTheOptInTheApplicationsPrefixIsBootsBusiness() {
		run(StrictOtherProperties.class, "--other.size=500", "--other.sise=5");
	}

	private FailureAnalysis analyzeStrict(String argument) {
		Throwable failure = catchThrowableOfType(Throwable.class,
				() -> run(StrictOtherProperties.class, "--hardened.config.strict-prefixes=other", argument));
		assertThat(failure).isNotNull();
		FailureAnalysis analysis = new InvalidPropertyFailureAnalyzer(
				new MockEnvironment().withProperty("hardened.config.strict-prefixes", "other"))
			.analyze(failure);
		assertThat(analysis).as("analysis of %s", failure).isNotNull();
		return analysis;
	}

	private FailureAnalysis analyze(String... args) {
		Throwable failure = catchThrowableOfType(Throwable.class, () -> run(HardenedProperties.class, args));
		assertThat(failure).isNotNull();
		FailureAnalysis analysis = this.analyzer.analyze(failure);
		assertThat(analysis).as("analysis of %s", failure).isNotNull();
		return analysis;
	}

	private static void run(Class<?> configuration, String... args) {
		SpringApplication application = new SpringApplication(configuration);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.run(args).close();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(RequestProperties.class)
	static class HardenedProperties {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(Other.class)
	static class OtherProperties {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(Other.class)
	@ImportAutoConfiguration(StrictPrefixesAutoConfiguration.class)
	static class StrictOtherProperties {

	}

	@org.springframework.boot.context.properties.ConfigurationProperties("other")
	static class Other {

		@Max(100)
		private int size;

		public int getSize() {
			return this.size;
		}

		public void setSize(int size) {
			this.size = size;
		}

	}

}
