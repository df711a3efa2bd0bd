package dev.hardenedboot.observability.health;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A bad {@code hardened.health.*} value stops start-up with a report that names the
 * property, the value and the fix, as a user sees it on the console.
 */
@ExtendWith(OutputCaptureExtension.class)
class HealthPropertiesValidationTests {

	@BeforeEach
	void forgetLogbackErrorsOfEarlierTests() {
		// Tests of broken logging configurations leave errors in the shared Logback context,
		// which Boot would report as this application's configuration errors.
		((LoggerContext) LoggerFactory.getILoggerFactory()).getStatusManager().clear();
	}

	@Test
	void zeroTimeoutIsRejectedWithTheFix(CapturedOutput output) {
		start("hardened.health.timeout=0s");
		assertThat(output).contains("Invalid value for 'hardened.health.timeout'", "\"0s\"", "must be more than zero",
				"Set 'hardened.health.timeout' to");
	}

	@Test
	void gcOverheadOutOfRangeIsRejectedWithTheFix(CapturedOutput output) {
		start("hardened.health.gc.max-overhead=150");
		assertThat(output).contains("Invalid value for 'hardened.health.gc.max-overhead'", "\"150\"",
				"(its default is 50)");
	}

	private static void start(String property) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(Config.class)
			.web(WebApplicationType.NONE)
			.properties(property, "hardened.logging.enabled=false")
			.run());
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ValidationAutoConfiguration.class, HealthAutoConfiguration.class })
	static class Config {

	}

}
