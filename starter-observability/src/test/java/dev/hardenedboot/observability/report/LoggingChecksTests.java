package dev.hardenedboot.observability.report;

import java.util.List;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.EchoEncoder;
import ch.qos.logback.core.encoder.Encoder;
import dev.hardenedboot.core.report.HardeningFinding;
import dev.hardenedboot.core.report.HardeningStatus;
import dev.hardenedboot.observability.logging.JsonLoggingEnvironmentPostProcessor;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The logging checks against real Logback appenders and Boot's real logging system.
 */
class LoggingChecksTests {

	private final LoggerContext logback = new LoggerContext();

	@Test
	void jsonConsoleFromTheStartersConfigurationPasses() {
		console(new LogstashEncoder(), false);
		HardeningFinding finding = single(jsonCheck(
				new MockEnvironment().withProperty("logging.config", JsonLoggingEnvironmentPostProcessor.CONFIG)));
		assertThat(finding.status()).isEqualTo(HardeningStatus.PASS);
		assertThat(finding.reason()).contains("JSON (LogstashEncoder)", "Hardened Boot's");
	}

	@Test
	void jsonConsoleBehindAnAsyncAppenderPasses() {
		console(new LogstashEncoder(), true);
		assertThat(single(jsonCheck(new MockEnvironment())).status()).isEqualTo(HardeningStatus.PASS);
	}

	@Test
	void plainTextConsoleWarnsAndSaysWhyTheStarterSteppedAside() {
		PatternLayoutEncoder pattern = new PatternLayoutEncoder();
		pattern.setContext(this.logback);
		pattern.setPattern("%d %-5level %logger - %msg%n");
		pattern.start();
		console(pattern, false);
		HardeningFinding finding = single(
				jsonCheck(new MockEnvironment().withProperty("logging.file.name", "app.log")));
		assertThat(finding.status()).isEqualTo(HardeningStatus.WARN);
		assertThat(finding.reason()).contains("plain text (PatternLayoutEncoder)",
				"Hardened Boot left the configuration to Boot because logging.file.name or logging.file.path is set");
		assertThat(finding.fix()).contains("logging.structured.format.console", "json-console-appender.xml");
	}

	@Test
	void plainTextConsoleInALocalProfilePasses() {
		console(new PatternLayoutEncoder(), false);
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("dev");
		assertThat(single(jsonCheck(environment)).status()).isEqualTo(HardeningStatus.PASS);
	}

	@Test
	void noConsoleWarnsAndAnUnknownEncoderPassesWithANote() {
		assertThat(single(jsonCheck(new MockEnvironment())).status()).isEqualTo(HardeningStatus.WARN);
		console(new EchoEncoder<>(), false);
		HardeningFinding finding = single(jsonCheck(new MockEnvironment()));
		assertThat(finding.status()).isEqualTo(HardeningStatus.PASS);
		assertThat(finding.reason()).contains("EchoEncoder", "cannot tell");
	}

	@Test
	void debugRootLevelOutsideLocalProfilesWarns() {
		LoggingSystem system = LoggingSystem.get(getClass().getClassLoader());
		LogLevel original = system.getLoggerConfiguration(LoggingSystem.ROOT_LOGGER_NAME).getEffectiveLevel();
		try {
			system.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
			assertThat(single(new RootLogLevelCheck(new MockEnvironment(), system).check()).status())
				.isEqualTo(HardeningStatus.PASS);
			system.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.DEBUG);
			HardeningFinding finding = single(new RootLogLevelCheck(new MockEnvironment(), system).check());
			assertThat(finding.status()).isEqualTo(HardeningStatus.WARN);
			assertThat(finding.reason()).contains("DEBUG");
			assertThat(finding.fix()).contains("logging.level.root=INFO");
			MockEnvironment local = new MockEnvironment();
			local.setActiveProfiles("local");
			assertThat(single(new RootLogLevelCheck(local, system).check()).status()).isEqualTo(HardeningStatus.PASS);
		}
		finally {
			system.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, original);
		}
	}

	private List<HardeningFinding> jsonCheck(MockEnvironment environment) {
		return new JsonLoggingCheck(environment, this.logback, getClass().getClassLoader()).check();
	}

	private void console(Encoder<ILoggingEvent> encoder, boolean async) {
		ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
		console.setContext(this.logback);
		console.setEncoder(encoder);
		Logger root = this.logback.getLogger(Logger.ROOT_LOGGER_NAME);
		if (async) {
			AsyncAppender wrapper = new AsyncAppender();
			wrapper.setContext(this.logback);
			wrapper.addAppender(console);
			root.addAppender(wrapper);
		}
		else {
			root.addAppender(console);
		}
	}

	private static HardeningFinding single(List<HardeningFinding> findings) {
		assertThat(findings).hasSize(1);
		return findings.get(0);
	}

}
