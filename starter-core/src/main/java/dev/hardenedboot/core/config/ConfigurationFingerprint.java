package dev.hardenedboot.core.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * A short, stable hash of the effective configuration, so two instances of one deployment
 * that run with different settings can be told apart from their {@code /actuator/info} or
 * their {@code hardened_config_info} gauge.
 *
 * <p>Left out, so that it does not differ where it should not and reveals nothing: secrets
 * (names with password, secret, token, credential, private or key; values still
 * {@code {cipher}}-encrypted), random values, ports chosen at run time ({@code local.*}),
 * per-instance identities (process id, host name, instance id), and the host's own
 * environment variables and system properties (an application's prefixed variables count).
 */
public final class ConfigurationFingerprint {

	private static final Set<String> SKIPPED_SOURCES = Set.of(
			StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
			StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME, "configurationProperties", "applicationInfo",
			"random", "server.ports", "hardenedBootDecrypted");

	private static final Pattern SECRET_NAME = Pattern
		.compile(".*(password|secret|token|credential|private|(^|[.-])key($|[.-])|key-file|api-key).*");

	private static final Pattern PER_INSTANCE_NAME = Pattern
		.compile("(^local\\..*)|(.*\\.pid$)|(.*hostname.*)|(.*instance-id.*)");

	private final String value;

	private ConfigurationFingerprint(String value) {
		this.value = value;
	}

	/**
	 * The fingerprint of {@code environment}: 16 hex digits of a SHA-256 over the sorted
	 * {@code name=value} pairs that count.
	 * @param environment the environment
	 * @return the fingerprint
	 */
	public static ConfigurationFingerprint of(ConfigurableEnvironment environment) {
		Map<String, String> effective = new TreeMap<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (SKIPPED_SOURCES.contains(source.getName())
					|| !(source instanceof EnumerablePropertySource<?> enumerable)) {
				continue;
			}
			for (String rawName : enumerable.getPropertyNames()) {
				String name = canonical(rawName);
				if (name == null || effective.containsKey(name) || isExcluded(name)) {
					continue;
				}
				Object raw = enumerable.getProperty(rawName);
				String rawValue = String.valueOf(raw);
				if (rawValue.startsWith("{cipher}") || rawValue.contains("${random.")) {
					continue;
				}
				effective.put(name, resolve(environment, name, rawValue));
			}
		}
		return new ConfigurationFingerprint(hash(effective));
	}

	/**
	 * The fingerprint, 16 hex digits.
	 * @return the fingerprint
	 */
	public String value() {
		return this.value;
	}

	@Override
	public String toString() {
		return this.value;
	}

	private static String canonical(String rawName) {
		ConfigurationPropertyName name = ConfigurationPropertyName.adapt(rawName, '.');
		return name.isEmpty() ? null : name.toString();
	}

	static boolean isExcluded(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return SECRET_NAME.matcher(lower).matches() || PER_INSTANCE_NAME.matcher(lower).matches();
	}

	private static String resolve(ConfigurableEnvironment environment, String name, String rawValue) {
		try {
			String value = environment.getProperty(name);
			return (value != null) ? value : rawValue;
		}
		catch (IllegalArgumentException ex) {
			// An unresolvable placeholder: the text as written still identifies the setting.
			return rawValue;
		}
	}

	private static String hash(Map<String, String> effective) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			effective.forEach((name, value) -> {
				digest.update(name.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) '=');
				digest.update(value.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) '\n');
			});
			return HexFormat.of().formatHex(digest.digest(), 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every Java platform", ex);
		}
	}

}
