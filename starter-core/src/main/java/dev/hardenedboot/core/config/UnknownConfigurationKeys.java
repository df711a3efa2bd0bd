package dev.hardenedboot.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.hardenedboot.core.config.UnknownConfigurationKeysException.UnknownKey;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Finds configuration keys that no metadata on the class path declares: under
 * {@code hardened.*}, which is ours, and under {@code spring.*}, {@code management.*},
 * {@code server.*} and {@code resilience4j.*}, which other libraries own. Start-up and every
 * reload run the same check.
 *
 * <p>Environment variables are not checked: {@code HARDENED_A_B} could be {@code hardened.a.b}
 * or {@code hardened.a-b}, and unrelated variables share the prefix (the cipher key
 * {@code HARDENED_CONFIG_KEY}, test service URLs).
 */
public final class UnknownConfigurationKeys {

	private static final Set<String> OTHER_OWNERS = Set.of("spring", "management", "server", "resilience4j");

	/**
	 * Environment variables (see above), Boot's attached view of all sources, and Boot's own
	 * application info (spring.application.pid, .version), which no metadata declares.
	 */
	private static final Set<String> SKIPPED_SOURCES = Set.of(
			StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, "configurationProperties", "applicationInfo");

	private final ConfigurationMetadataIndex metadata;

	private UnknownConfigurationKeys(ConfigurationMetadataIndex metadata) {
		this.metadata = metadata;
	}

	/**
	 * A check against the metadata that {@code classLoader} sees.
	 * @param classLoader the application's class loader
	 * @return the check, ready to run any number of times
	 */
	public static UnknownConfigurationKeys declaredBy(ClassLoader classLoader) {
		return new UnknownConfigurationKeys(ConfigurationMetadataIndex.load(classLoader));
	}

	/**
	 * The unknown keys of {@code environment}, each with where it was set and the nearest
	 * declared key.
	 * @param environment the environment to check
	 * @return the unknown keys, ours and other libraries'
	 */
	public Found find(ConfigurableEnvironment environment) {
		Map<String, UnknownKey> ours = new LinkedHashMap<>();
		Map<String, UnknownKey> others = new LinkedHashMap<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (SKIPPED_SOURCES.contains(source.getName()) || source.getName().startsWith("hardenedBoot")) {
				continue;
			}
			if (!(ConfigurationPropertySource.from(source) instanceof IterableConfigurationPropertySource names)) {
				continue;
			}
			for (ConfigurationPropertyName name : names) {
				String root = name.getElement(0, ConfigurationPropertyName.Form.ORIGINAL);
				boolean hardened = root.equals("hardened");
				if ((hardened || OTHER_OWNERS.contains(root)) && !this.metadata.isKnown(name)) {
					(hardened ? ours : others).putIfAbsent(name.toString(), new UnknownKey(name.toString(),
							originOf(names, name, source), this.metadata.suggestionFor(name)));
				}
			}
		}
		return new Found(List.copyOf(ours.values()), List.copyOf(others.values()));
	}

	private static String originOf(ConfigurationPropertySource names, ConfigurationPropertyName name,
			PropertySource<?> source) {
		ConfigurationProperty property = names.getConfigurationProperty(name);
		if (property != null && property.getOrigin() != null) {
			return property.getOrigin().toString();
		}
		return source.getName();
	}

	/**
	 * What one check found.
	 *
	 * @param ours unknown keys under {@code hardened.*}
	 * @param others unknown keys under prefixes other libraries own, only ever reported
	 */
	public record Found(List<UnknownKey> ours, List<UnknownKey> others) {

		/**
		 * Throws for our unknown keys.
		 * @throws UnknownConfigurationKeysException when there are any
		 */
		public void throwIfOurs() {
			if (!this.ours.isEmpty()) {
				throw new UnknownConfigurationKeysException(this.ours);
			}
		}

	}

}
