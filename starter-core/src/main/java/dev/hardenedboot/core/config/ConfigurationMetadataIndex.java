package dev.hardenedboot.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.json.JsonParser;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.lang.Nullable;
import org.springframework.util.StreamUtils;

/**
 * Every property the configuration metadata on the class path declares, read from each
 * {@code META-INF/spring-configuration-metadata.json} and
 * {@code additional-spring-configuration-metadata.json}: what "a known key" means, and the
 * candidates for "did you mean".
 */
final class ConfigurationMetadataIndex {

	/**
	 * Boot's locations, and the copies of the other starters' metadata that core ships, so the
	 * keys of a starter that is absent are still known rather than reported as typos.
	 */
	private static final List<String> LOCATIONS = List.of("META-INF/spring-configuration-metadata.json",
			"META-INF/additional-spring-configuration-metadata.json",
			"META-INF/hardened-boot/observability-configuration-metadata.json",
			"META-INF/hardened-boot/resilience-configuration-metadata.json",
			"META-INF/hardened-boot/data-configuration-metadata.json");

	/** Known properties, with whether keys below them are theirs (maps, lists, arrays). */
	private final Map<ConfigurationPropertyName, Boolean> properties;

	/** Declared defaults, as the metadata writes them. */
	private final Map<ConfigurationPropertyName, Object> defaults;

	private ConfigurationMetadataIndex(Map<ConfigurationPropertyName, Boolean> properties,
			Map<ConfigurationPropertyName, Object> defaults) {
		this.properties = properties;
		this.defaults = defaults;
	}

	static ConfigurationMetadataIndex load(ClassLoader classLoader) {
		Map<ConfigurationPropertyName, Boolean> properties = new HashMap<>();
		Map<ConfigurationPropertyName, Object> defaults = new HashMap<>();
		JsonParser parser = JsonParserFactory.getJsonParser();
		for (String location : LOCATIONS) {
			for (URL url : resources(classLoader, location)) {
				read(url, parser, properties, defaults);
			}
		}
		return new ConfigurationMetadataIndex(properties, defaults);
	}

	private static List<URL> resources(ClassLoader classLoader, String location) {
		try {
			Enumeration<URL> urls = classLoader.getResources(location);
			return Collections.list(urls);
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	@SuppressWarnings("unchecked")
	private static void read(URL url, JsonParser parser, Map<ConfigurationPropertyName, Boolean> properties,
			Map<ConfigurationPropertyName, Object> defaults) {
		try (InputStream in = url.openStream()) {
			Map<String, Object> metadata = parser.parseMap(StreamUtils.copyToString(in, StandardCharsets.UTF_8));
			Object entries = metadata.get("properties");
			if (!(entries instanceof List<?> list)) {
				return;
			}
			for (Object entry : list) {
				if (entry instanceof Map<?, ?> property && property.get("name") instanceof String name
						&& ConfigurationPropertyName.isValid(name)) {
					Object type = property.get("type");
					boolean container = type instanceof String typeName && (typeName.startsWith("java.util.Map")
							|| typeName.startsWith("java.util.List") || typeName.startsWith("java.util.Set")
							|| typeName.startsWith("java.util.Collection") || typeName.endsWith("[]"));
					ConfigurationPropertyName propertyName = ConfigurationPropertyName.of(name);
					properties.merge(propertyName, container, Boolean::logicalOr);
					if (property.get("defaultValue") != null) {
						defaults.putIfAbsent(propertyName, property.get("defaultValue"));
					}
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// A jar with broken metadata must not stop the application; its keys are unknown.
		}
	}

	/**
	 * Whether {@code name} is a declared property, or a key inside a declared map or list.
	 */
	boolean isKnown(ConfigurationPropertyName name) {
		if (this.properties.containsKey(name)) {
			return true;
		}
		for (ConfigurationPropertyName parent = name.getParent(); !parent.isEmpty(); parent = parent.getParent()) {
			Boolean container = this.properties.get(parent);
			if (container != null) {
				return container;
			}
			if (parent.isLastElementIndexed()) {
				Boolean list = this.properties.get(parent.chop(parent.getNumberOfElements() - 1));
				if (list != null) {
					return list;
				}
			}
		}
		return false;
	}

	/**
	 * The declared property closest to {@code name} under the same first segment, when one is
	 * close enough to be a likely typo.
	 */
	@Nullable
	String suggestionFor(ConfigurationPropertyName name) {
		String root = name.getElement(0, ConfigurationPropertyName.Form.ORIGINAL);
		List<String> candidates = this.properties.keySet()
			.stream()
			.filter((candidate) -> candidate.getElement(0, ConfigurationPropertyName.Form.ORIGINAL).equals(root))
			.map(ConfigurationPropertyName::toString)
			.toList();
		return EditDistance.nearest(name.toString(), candidates);
	}

	/**
	 * The declared default of {@code name}, as the metadata writes it.
	 */
	@Nullable
	Object defaultOf(ConfigurationPropertyName name) {
		return this.defaults.get(name);
	}

}
