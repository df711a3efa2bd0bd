package dev.hardenedboot.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Finds configuration keys that nothing declares. Under {@code hardened.*} an unknown key
 * stops start-up ({@code hardened.config.unknown-keys=fail}, the default) or is logged
 * ({@code warn}); under {@code spring.*}, {@code management.*}, {@code server.*} and
 * {@code resilience4j.*}, which other libraries own, it is only ever logged. Each comes with
 * the nearest declared key.
 *
 * <p>Environment variables are not checked: {@code HARDENED_A_B} could be {@code hardened.a.b}
 * or {@code hardened.a-b}, and unrelated variables share the prefix (the cipher key
 * {@code HARDENED_CONFIG_KEY}, test service URLs).
 */
public class UnknownKeysEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Right after the configuration files are loaded. */
	public static final int ORDER = ConfigDataEnvironmentPostProcessor.ORDER + 10;

	static final String MODE_PROPERTY = "hardened.config.unknown-keys";

	private static final Set<String> OTHER_OWNERS = Set.of("spring", "management", "server", "resilience4j");

	/**
	 * Environment variables (see above), Boot's attached view of all sources, and Boot's own
	 * application info (spring.application.pid, .version), which no metadata declares.
	 */
	private static final Set<String> SKIPPED_SOURCES = Set.of(
			StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, "configurationProperties", "applicationInfo");

	private final Log logger;

	public UnknownKeysEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(UnknownKeysEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String mode = environment.getProperty(MODE_PROPERTY, "fail").trim().toLowerCase(Locale.ROOT);
		if (mode.equals("ignore")) {
			return;
		}
		ClassLoader classLoader = (application.getClassLoader() != null) ? application.getClassLoader()
				: getClass().getClassLoader();
		ConfigurationMetadataIndex metadata = ConfigurationMetadataIndex.load(classLoader);
		Map<String, UnknownConfigurationKeysException.UnknownKey> ours = new LinkedHashMap<>();
		Map<String, UnknownConfigurationKeysException.UnknownKey> others = new LinkedHashMap<>();
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
				if ((hardened || OTHER_OWNERS.contains(root)) && !metadata.isKnown(name)) {
					Map<String, UnknownConfigurationKeysException.UnknownKey> target = hardened ? ours : others;
					target.putIfAbsent(name.toString(), new UnknownConfigurationKeysException.UnknownKey(
							name.toString(), originOf(names, name, source), metadata.suggestionFor(name)));
				}
			}
		}
		others.values().forEach((key) -> this.logger.warn("Unknown configuration key " + key.describe()));
		if (ours.isEmpty()) {
			return;
		}
		if (mode.equals("warn")) {
			ours.values().forEach((key) -> this.logger.warn("Unknown configuration key " + key.describe()));
			return;
		}
		throw new UnknownConfigurationKeysException(new ArrayList<>(ours.values()));
	}

	private static String originOf(ConfigurationPropertySource names, ConfigurationPropertyName name,
			PropertySource<?> source) {
		ConfigurationProperty property = names.getConfigurationProperty(name);
		if (property != null && property.getOrigin() != null) {
			return property.getOrigin().toString();
		}
		return source.getName();
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
