package dev.hardenedboot.core.config.cipher;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.Mockito;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.Sanitizer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConfigCipherTests {

	private static final String KEY = ConfigCipher.generateKey();

	private static final String OTHER_KEY = ConfigCipher.generateKey();

	@TempDir
	Path directory;

	@Test
	void roundTripInTheContractsFormat() {
		ConfigCipher cipher = ConfigCipher.fromBase64(KEY);
		String encrypted = cipher.encrypt("s3cr3t ü");
		assertThat(encrypted).startsWith("{cipher}");
		byte[] sealed = Base64.getDecoder().decode(encrypted.substring("{cipher}".length()));
		assertThat(sealed).hasSize(12 + "s3cr3t ü".getBytes(StandardCharsets.UTF_8).length + 16);
		assertThat(cipher.decrypt(encrypted)).isEqualTo("s3cr3t ü");
		assertThat(cipher.encrypt("same")).isNotEqualTo(cipher.encrypt("same"));
	}

	@Test
	void wrongKeyAndTamperedValuesFailWithoutShowingAnything() {
		String encrypted = ConfigCipher.fromBase64(KEY).encrypt("s3cr3t");
		assertThatIllegalArgumentException().isThrownBy(() -> ConfigCipher.fromBase64(OTHER_KEY).decrypt(encrypted))
			.withMessageContaining("does not decrypt with the configured key")
			.withMessageNotContaining("s3cr3t")
			.withMessageNotContaining(encrypted.substring(8));
		byte[] sealed = Base64.getDecoder().decode(encrypted.substring(8));
		sealed[sealed.length - 1] ^= 1;
		String tampered = "{cipher}" + Base64.getEncoder().encodeToString(sealed);
		assertThatIllegalArgumentException().isThrownBy(() -> ConfigCipher.fromBase64(KEY).decrypt(tampered));
		assertThatIllegalArgumentException().isThrownBy(() -> ConfigCipher.fromBase64(KEY).decrypt("{cipher}!!"));
		assertThatIllegalArgumentException().isThrownBy(() -> ConfigCipher.fromBase64("c2hvcnQ="));
	}

	@Test
	void winningEncryptedValuesAreDecryptedAndPrecedenceIsKept() {
		ConfigCipher cipher = ConfigCipher.fromBase64(KEY);
		StandardEnvironment environment = environment(Map.of("db.password", cipher.encrypt("from-file"), "db.url",
				cipher.encrypt("jdbc:postgresql://db/orders")));
		environment.getPropertySources()
			.addFirst(new MapPropertySource("commandLineArgs", Map.of("db.password", "from-command-line")));
		processor(KEY).postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("db.url")).isEqualTo("jdbc:postgresql://db/orders");
		assertThat(environment.getProperty("db.password")).isEqualTo("from-command-line");
	}

	@Test
	void wrongKeyStopsStartUpNamingThePropertyOnly() {
		String encrypted = ConfigCipher.fromBase64(OTHER_KEY).encrypt("s3cr3t");
		StandardEnvironment environment = environment(Map.of("db.password", encrypted));
		ConfigCipherException failure = assertThatExceptionOfType(ConfigCipherException.class)
			.isThrownBy(() -> processor(KEY).postProcessEnvironment(environment, new SpringApplication()))
			.actual();
		FailureAnalysis analysis = new ConfigCipherFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).contains("'db.password'").doesNotContain(encrypted.substring(8), "s3cr3t");
		assertThat(analysis.getAction()).contains("HARDENED_CONFIG_KEY");
	}

	@Test
	void noKeyStopsStartUp() {
		StandardEnvironment environment = environment(
				Map.of("db.password", ConfigCipher.fromBase64(KEY).encrypt("x")));
		assertThatExceptionOfType(ConfigCipherException.class)
			.isThrownBy(() -> processor(null).postProcessEnvironment(environment, new SpringApplication()))
			.withMessageContaining("no key is configured");
	}

	@Test
	void worldReadableKeyFileIsRefusedWithTheChmodToRun() throws Exception {
		Path keyFile = keyFile("rw-r--r--");
		StandardEnvironment environment = environment(Map.of("db.password",
				ConfigCipher.fromBase64(KEY).encrypt("x"), "hardened.config.key-file", keyFile.toString()));
		ConfigCipherException failure = assertThatExceptionOfType(ConfigCipherException.class)
			.isThrownBy(() -> processor(null).postProcessEnvironment(environment, new SpringApplication()))
			.actual();
		assertThat(failure.getMessage()).contains(keyFile.toString()).contains("every user");
		assertThat(failure.getAction()).contains("chmod 600 " + keyFile);
	}

	@Test
	void groupReadableKeyFileIsAWarning() throws Exception {
		Path keyFile = keyFile("rw-r-----");
		StandardEnvironment environment = environment(Map.of("db.password",
				ConfigCipher.fromBase64(KEY).encrypt("decrypted"), "hardened.config.key-file", keyFile.toString()));
		Log logger = Mockito.mock(Log.class);
		new DecryptingEnvironmentPostProcessor(logger, (name) -> null).postProcessEnvironment(environment,
				new SpringApplication());
		assertThat(environment.getProperty("db.password")).isEqualTo("decrypted");
		Mockito.verify(logger).warn(Mockito.contains("fsGroup"));
	}

	@Test
	void decryptedValuesAreMaskedWhateverTheirName() {
		Sanitizer sanitizer = new Sanitizer(List.of(new DecryptedValuesSanitizingFunction()));
		MapPropertySource decrypted = new MapPropertySource(DecryptingEnvironmentPostProcessor.PROPERTY_SOURCE_NAME,
				Map.of("db.url", "jdbc:postgresql://user:pw@db/orders"));
		assertThat(sanitizer.sanitize(new SanitizableData(decrypted, "db.url", "jdbc:postgresql://user:pw@db/orders"),
				true))
			.isEqualTo(SanitizableData.SANITIZED_VALUE);
		MapPropertySource plain = new MapPropertySource("application", Map.of("db.pool", "5"));
		assertThat(sanitizer.sanitize(new SanitizableData(plain, "db.pool", "5"), true)).isEqualTo("5");
	}

	@Test
	void commandLineEncryptsFromStandardInput() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int status = EncryptValue.run(new String[0], KEY,
				new ByteArrayInputStream("s3cr3t\n".getBytes(StandardCharsets.UTF_8)), new PrintStream(out),
				System.err);
		assertThat(status).isZero();
		String encrypted = out.toString(StandardCharsets.UTF_8).strip();
		assertThat(ConfigCipher.fromBase64(KEY).decrypt(encrypted)).isEqualTo("s3cr3t");
		ByteArrayOutputStream generated = new ByteArrayOutputStream();
		EncryptValue.run(new String[] { "--generate-key" }, null, System.in, new PrintStream(generated), System.err);
		assertThat(Base64.getDecoder().decode(generated.toString(StandardCharsets.UTF_8).strip())).hasSize(32);
	}

	private Path keyFile(String permissions) throws Exception {
		Path file = this.directory.resolve("config-key");
		Files.writeString(file, KEY);
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
		return file;
	}

	private static StandardEnvironment environment(Map<String, Object> properties) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addLast(new MapPropertySource("application", properties));
		return environment;
	}

	private static DecryptingEnvironmentPostProcessor processor(String key) {
		return new DecryptingEnvironmentPostProcessor(Mockito.mock(Log.class), (name) -> key);
	}

}
