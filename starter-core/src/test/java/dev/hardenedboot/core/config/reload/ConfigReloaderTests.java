package dev.hardenedboot.core.config.reload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.hardenedboot.core.config.ConfigReloadedEvent;
import dev.hardenedboot.core.config.cipher.ConfigCipher;
import dev.hardenedboot.testsupport.CapturedLogs;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reloads driven by hand ({@code hardened.config.reload.watch=false}), so each test sees the
 * result of exactly the change it made.
 */
class ConfigReloaderTests extends ReloadingApplicationTests {

	@RegisterExtension
	final CapturedLogs logs = new CapturedLogs(ConfigReloader.class);

	@Test
	void validChangeIsAppliedToBeansEnvironmentAndListeners() throws Exception {
		write("app.yaml", "orders:\n  greeting: hi\nhardened:\n  config:\n    reload:\n      poll-interval: 5s\n");
		start();
		write("app.yaml", "orders:\n  greeting: bonjour\n  nested:\n    tags: [a, b]\n    flag: true\n"
				+ "hardened:\n  config:\n    reload:\n      poll-interval: 7s\n");
		ConfigReloadResult result = reloader().reload();
		assertThat(result.outcome()).isEqualTo(ConfigReloadResult.Outcome.APPLIED);
		assertThat(result.changedKeys()).containsExactly("hardened.config.reload.poll-interval", "orders.greeting",
				"orders.nested.flag", "orders.nested.tags[0]", "orders.nested.tags[1]");
		ReloadTestApplication.OrderSettings settings = settings();
		assertThat(settings.getGreeting()).isEqualTo("bonjour");
		assertThat(settings.getNested().getTags()).containsExactly("a", "b");
		assertThat(settings.getNested().isFlag()).isTrue();
		assertThat(this.context.getBean(ConfigReloadProperties.class).getPollInterval())
			.isEqualTo(Duration.ofSeconds(7));
		assertThat(this.context.getEnvironment().getProperty("orders.greeting")).isEqualTo("bonjour");
		ConfigReloadedEvent event = this.context.getBean(ReloadTestApplication.ReloadEvents.class).events.get(0);
		assertThat(event.changedUnder("hardened.config.reload")).isTrue();
		assertThat(event.changedUnder("hardened.logging")).isFalse();
		assertThat(counter("applied")).isEqualTo(1);
		assertThat(messages()).anyMatch((message) -> message.startsWith("Configuration reloaded, 5 properties changed")
				&& !message.contains("bonjour"));
	}

	@Test
	void invalidChangeIsRejectedWholeAndTheRunningValuesStay() throws Exception {
		write("app.yaml", "orders:\n  greeting: hi\nhardened:\n  config:\n    reload:\n      poll-interval: 5s\n");
		start();
		write("app.yaml", "orders:\n  greeting: changed\nhardened:\n  config:\n    reload:\n      poll-interval: -5s\n");
		ConfigReloadResult result = reloader().reload();
		assertThat(result.outcome()).isEqualTo(ConfigReloadResult.Outcome.REJECTED);
		assertThat(result.problems()).singleElement()
			.asString()
			.contains("Invalid value for 'hardened.config.reload.poll-interval'", "Value: \"-5s\"",
					"app.yaml] - 6:22", "Set 'hardened.config.reload.poll-interval' to");
		assertThat(settings().getGreeting()).as("the valid half of the change is not applied either").isEqualTo("hi");
		assertThat(this.context.getBean(ConfigReloadProperties.class).getPollInterval())
			.isEqualTo(Duration.ofSeconds(5));
		assertThat(this.context.getEnvironment().getProperty("orders.greeting")).isEqualTo("hi");
		assertThat(this.context.getBean(ReloadTestApplication.ReloadEvents.class).events).isEmpty();
		assertThat(counter("rejected")).isEqualTo(1);
		assertThat(messages()).anyMatch((message) -> message.startsWith("Configuration change rejected"));
		assertThat(reloader().reload().outcome()).as("the same files are not checked again")
			.isEqualTo(ConfigReloadResult.Outcome.UNCHANGED);
	}

	@Test
	void applicationsOwnValidationRejectsAChange() throws Exception {
		start();
		write("app.yaml", "orders:\n  batch-size: 500\n");
		ConfigReloadResult result = reloader().reload();
		assertThat(result.outcome()).isEqualTo(ConfigReloadResult.Outcome.REJECTED);
		assertThat(result.problems()).singleElement().asString().contains("orders", "batchSize", "100");
		assertThat(settings().getBatchSize()).isEqualTo(10);
	}

	@Test
	void unconvertibleValueIsRejected() throws Exception {
		start();
		write("app.yaml", "orders:\n  timeout: soon\n");
		ConfigReloadResult result = reloader().reload();
		assertThat(result.outcome()).isEqualTo(ConfigReloadResult.Outcome.REJECTED);
		assertThat(result.problems()).singleElement().asString().contains("orders.timeout", "soon");
		assertThat(settings().getTimeout()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void typoUnderHardenedIsRejectedWithASuggestion() throws Exception {
		start();
		write("app.yaml", "hardened:\n  request:\n    timout: 5s\n");
		ConfigReloadResult result = reloader().reload();
		assertThat(result.outcome()).isEqualTo(ConfigReloadResult.Outcome.REJECTED);
		assertThat(result.problems()).singleElement()
			.asString()
			.contains("hardened.request.timout", "did you mean 'hardened.request.timeout'?");
	}

	@Test
	void malformedYamlIsRejected() throws Exception {
		write("app.yaml", "orders:\n  greeting: hi\n");
		start();
		write("app.yaml", "orders:\n  greeting: [unclosed\n");
		ConfigReloadResult result = reloader().reload();
		assertThat(result.outcome()).isEqualTo(ConfigReloadResult.Outcome.REJECTED);
		assertThat(result.problems()).singleElement().asString().contains("app.yaml");
		assertThat(settings().getGreeting()).isEqualTo("hi");
	}

	@Test
	void removedPropertyReturnsToItsDefault() throws Exception {
		write("app.yaml", "orders:\n  greeting: hi\n  nested:\n    tags: [x]\n");
		start();
		assertThat(settings().getNested().getTags()).containsExactly("x");
		Files.delete(this.mount.resolve("app.yaml"));
		assertThat(reloader().reload().changedKeys()).containsExactly("orders.greeting", "orders.nested.tags[0]");
		assertThat(settings().getGreeting()).isEqualTo("hello");
		assertThat(settings().getNested().getTags()).isEmpty();
	}

	@Test
	void valuesSetInCodeSurviveAChangeToOtherProperties() throws Exception {
		write("app.yaml", "orders:\n  greeting: hi\n");
		start();
		// A value derived at start-up by code, as starter-data does for the pool size.
		settings().setTimeout(Duration.ofSeconds(42));
		write("app.yaml", "orders:\n  greeting: hey\n");
		reloader().reload();
		assertThat(settings().getGreeting()).isEqualTo("hey");
		assertThat(settings().getTimeout()).isEqualTo(Duration.ofSeconds(42));
		write("app.yaml", "orders:\n  greeting: hey\n  timeout: 3s\n");
		reloader().reload();
		assertThat(settings().getTimeout()).isEqualTo(Duration.ofSeconds(3));
	}

	@Test
	void fileAddedAfterStartUpAndKeyPerFileEntriesAreRead() throws Exception {
		start();
		write("orders.greeting", "from-a-configmap\n");
		assertThat(reloader().reload().outcome()).isEqualTo(ConfigReloadResult.Outcome.APPLIED);
		assertThat(settings().getGreeting()).isEqualTo("from-a-configmap");
	}

	@Test
	void commandLineStillWinsOverAReloadedFile() throws Exception {
		start("--orders.greeting=from-the-command-line");
		write("app.yaml", "orders:\n  greeting: from-a-file\n  batch-size: 20\n");
		ConfigReloadResult result = reloader().reload();
		assertThat(result.changedKeys()).containsExactly("orders.batch-size");
		assertThat(settings().getGreeting()).isEqualTo("from-the-command-line");
		assertThat(settings().getBatchSize()).isEqualTo(20);
	}

	@Test
	void unchangedValuesAreNotAReload() throws Exception {
		write("app.yaml", "orders:\n  greeting: hi\n");
		start();
		write("app.yaml", "# a comment only\norders:\n  greeting: hi\n");
		assertThat(reloader().reload().outcome()).isEqualTo(ConfigReloadResult.Outcome.UNCHANGED);
		assertThat(counter("applied")).isZero();
	}

	@Test
	void constructorBoundPropertiesNeedARestart() throws Exception {
		write("app.yaml", "pinned:\n  mode: a\n");
		start();
		write("app.yaml", "pinned:\n  mode: b\n");
		ConfigReloadResult result = reloader().reload();
		assertThat(result.outcome()).isEqualTo(ConfigReloadResult.Outcome.APPLIED);
		assertThat(result.restartRequired()).singleElement().asString().contains("'pinned'", "constructor-bound");
		assertThat(this.context.getBean(ReloadTestApplication.Pinned.class).mode()).isEqualTo("a");
		assertThat(messages()).anyMatch((message) -> message.contains("keep their old values until a restart"));
	}

	@Test
	void loggingLevelsChangeLiveAndInvalidLevelsAreRejected() throws Exception {
		start();
		String logger = "dev.hardenedboot.ReloadProbe";
		write("app.yaml", "logging:\n  level:\n    " + logger + ": debug\n");
		assertThat(reloader().reload().outcome()).isEqualTo(ConfigReloadResult.Outcome.APPLIED);
		LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());
		assertThat(loggingSystem.getLoggerConfiguration(logger).getConfiguredLevel()).isEqualTo(LogLevel.DEBUG);
		write("app.yaml", "logging:\n  level:\n    " + logger + ": loud\n");
		ConfigReloadResult rejected = reloader().reload();
		assertThat(rejected.outcome()).isEqualTo(ConfigReloadResult.Outcome.REJECTED);
		assertThat(rejected.problems()).singleElement().asString().contains("logging.level." + logger, "loud");
		assertThat(loggingSystem.getLoggerConfiguration(logger).getConfiguredLevel()).isEqualTo(LogLevel.DEBUG);
		Files.delete(this.mount.resolve("app.yaml"));
		reloader().reload();
		assertThat(loggingSystem.getLoggerConfiguration(logger).getConfiguredLevel()).isNull();
	}

	@Test
	void encryptedValuesAreDecryptedAgainAndAWrongOneIsRejected() throws Exception {
		String key = ConfigCipher.generateKey();
		ConfigCipher cipher = ConfigCipher.fromBase64(key);
		Path keyFile = Files.writeString(this.mount.getParent().resolve(UUID.randomUUID() + ".key"), key);
		Files.setPosixFilePermissions(keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
		try {
			write("app.yaml", "orders:\n  greeting: '" + cipher.encrypt("first") + "'\n");
			start("--hardened.config.key-file=" + keyFile);
			assertThat(settings().getGreeting()).isEqualTo("first");
			write("app.yaml", "orders:\n  greeting: '" + cipher.encrypt("second") + "'\n");
			assertThat(reloader().reload().changedKeys()).containsExactly("orders.greeting");
			assertThat(settings().getGreeting()).isEqualTo("second");
			char[] encrypted = cipher.encrypt("third").toCharArray();
			int middle = encrypted.length / 2;
			encrypted[middle] = (encrypted[middle] == 'A') ? 'B' : 'A';
			String tampered = new String(encrypted);
			write("app.yaml", "orders:\n  greeting: '" + tampered + "'\n");
			ConfigReloadResult result = reloader().reload();
			assertThat(result.outcome()).isEqualTo(ConfigReloadResult.Outcome.REJECTED);
			assertThat(result.problems()).singleElement().asString().contains("orders.greeting").doesNotContain(tampered);
			assertThat(settings().getGreeting()).isEqualTo("second");
		}
		finally {
			Files.deleteIfExists(keyFile);
		}
	}

	@Test
	void profileFileInTheWorkingDirectoryIsReloaded() throws Exception {
		String profile = "reload" + UUID.randomUUID().toString().substring(0, 8);
		Path file = Path.of("config." + profile + ".yaml").toAbsolutePath();
		try {
			write("app.yaml", "orders:\n  greeting: from-the-mount\n  batch-size: 5\n");
			start("--spring.profiles.active=" + profile);
			Files.writeString(file, "orders:\n  greeting: from-the-profile-file\n");
			assertThat(reloader().reload().outcome()).isEqualTo(ConfigReloadResult.Outcome.APPLIED);
			assertThat(settings().getGreeting()).isEqualTo("from-the-profile-file");
			assertThat(settings().getBatchSize()).isEqualTo(5);
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	private void start(String... args) {
		start(List.of("--hardened.config.reload.watch=false"), args);
		this.logs.reattach();
	}

	private ConfigReloader reloader() {
		return this.context.getBean(ConfigReloader.class);
	}

	private double counter(String result) {
		return this.context.getBean(MeterRegistry.class)
			.get(MicrometerConfigReloadRecorder.METRIC)
			.tag("result", result)
			.counter()
			.count();
	}

	private List<String> messages() {
		return this.logs.events().stream().map((event) -> event.getFormattedMessage()).toList();
	}

}
