package dev.hardenedboot.core.config.cipher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import dev.hardenedboot.core.config.PrefixedEnvironmentPostProcessor;
import org.apache.commons.logging.Log;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Decrypts {@code {cipher}} values. For every property whose winning value is encrypted, the
 * plaintext goes into a property source ahead of all others, so precedence is unchanged and
 * the encrypted text stays where it was. The key is Base64 of 32 bytes, from the environment
 * variable {@value #KEY_VARIABLE} or the file named by {@value #KEY_FILE_PROPERTY}; a key file
 * others can read stops start-up, a group-readable one (Kubernetes Secrets under
 * {@code fsGroup}) is a warning.
 */
public class DecryptingEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source of decrypted values. */
	public static final String PROPERTY_SOURCE_NAME = "hardenedBootDecrypted";

	static final String KEY_VARIABLE = "HARDENED_CONFIG_KEY";

	static final String KEY_FILE_PROPERTY = "hardened.config.key-file";

	/** After prefixed variables are added, before unknown keys are checked. */
	public static final int ORDER = PrefixedEnvironmentPostProcessor.ORDER + 2;

	private final Log logger;

	private final Function<String, String> variables;

	public DecryptingEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this(logFactory.getLog(DecryptingEnvironmentPostProcessor.class), System::getenv);
	}

	DecryptingEnvironmentPostProcessor(Log logger, Function<String, String> variables) {
		this.logger = logger;
		this.variables = variables;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			decrypt(environment);
		}
	}

	/**
	 * Adds the property source of decrypted values to {@code environment}, which has none yet:
	 * at start-up, and on a reload's candidate configuration.
	 * @param environment the environment
	 * @throws ConfigCipherException when a value cannot be decrypted or no usable key is set
	 */
	public void decrypt(ConfigurableEnvironment environment) {
		Map<String, String> encrypted = winningEncryptedValues(environment);
		if (encrypted.isEmpty()) {
			return;
		}
		ConfigCipher cipher = cipher(environment, encrypted.keySet().iterator().next());
		Map<String, Object> decrypted = new LinkedHashMap<>();
		encrypted.forEach((name, value) -> {
			try {
				decrypted.put(name, cipher.decrypt(value));
			}
			catch (IllegalArgumentException ex) {
				throw new ConfigCipherException("The encrypted value of '" + name + "' cannot be used: "
						+ ex.getMessage() + ".", "Encrypt the value again with the current key (see "
								+ "docs/configuration.md, 'Encrypted values'), or configure the key it was "
								+ "encrypted with in " + KEY_VARIABLE + " or " + KEY_FILE_PROPERTY + ".");
			}
		});
		environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, decrypted));
	}

	private static Map<String, String> winningEncryptedValues(ConfigurableEnvironment environment) {
		Map<String, String> encrypted = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (!(source instanceof EnumerablePropertySource<?> enumerable)
					|| source.getName().equals("configurationProperties")) {
				continue;
			}
			for (String name : enumerable.getPropertyNames()) {
				if (seen.add(name)) {
					Object value = enumerable.getProperty(name);
					if (ConfigCipher.isEncrypted(value)) {
						encrypted.put(name, value.toString());
					}
				}
			}
		}
		return encrypted;
	}

	private ConfigCipher cipher(ConfigurableEnvironment environment, String firstEncrypted) {
		String key = this.variables.apply(KEY_VARIABLE);
		String source = "the environment variable " + KEY_VARIABLE;
		String keyFile = environment.getProperty(KEY_FILE_PROPERTY);
		if ((key == null || key.isBlank()) && keyFile != null) {
			key = readKeyFile(Path.of(keyFile));
			source = "the key file " + keyFile;
		}
		if (key == null || key.isBlank()) {
			throw new ConfigCipherException("'" + firstEncrypted + "' is encrypted ({cipher}), but no key is configured.",
					"Set the environment variable " + KEY_VARIABLE + " to the Base64 key, or " + KEY_FILE_PROPERTY
							+ " to a file that holds it.");
		}
		try {
			return ConfigCipher.fromBase64(key);
		}
		catch (IllegalArgumentException ex) {
			throw new ConfigCipherException("The configuration key in " + source + " is not Base64 of 32 bytes.",
					"Generate a key with 'java -cp <application jar or class path> "
							+ "dev.hardenedboot.core.config.cipher.EncryptValue --generate-key'.");
		}
	}

	private String readKeyFile(Path file) {
		try {
			Set<PosixFilePermission> permissions = posixPermissions(file);
			if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
				throw new ConfigCipherException("The key file " + file + " can be read by every user of the machine.",
						"Run 'chmod 600 " + file + "' (or 'chmod 640' when a group must read it).");
			}
			if (permissions.contains(PosixFilePermission.GROUP_READ)) {
				this.logger.warn("The key file " + file + " can be read by its group. That is expected for a "
						+ "Kubernetes Secret mounted with fsGroup; elsewhere, run 'chmod 600 " + file + "'.");
			}
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new ConfigCipherException("The key file " + file + " cannot be read: " + ex.getMessage() + ".",
					"Check " + KEY_FILE_PROPERTY + " and the file's permissions.");
		}
	}

	private static Set<PosixFilePermission> posixPermissions(Path file) throws IOException {
		try {
			return Files.getPosixFilePermissions(file);
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system (Windows): nothing to check.
			return Set.of();
		}
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
