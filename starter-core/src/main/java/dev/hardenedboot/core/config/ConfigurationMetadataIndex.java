package dev.hardenedboot.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.lang.Nullable;
import org.springframework.util.ClassUtils;
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
		PropertyConsumer consumer = (name, type, defaultValue) -> {
			if (name == null || !ConfigurationPropertyName.isValid(name)) {
				return;
			}
			boolean container = type != null && (type.startsWith("java.util.Map") || type.startsWith("java.util.List")
					|| type.startsWith("java.util.Set") || type.startsWith("java.util.Collection")
					|| type.endsWith("[]"));
			ConfigurationPropertyName propertyName = ConfigurationPropertyName.of(name);
			properties.merge(propertyName, container, Boolean::logicalOr);
			if (defaultValue != null) {
				defaults.putIfAbsent(propertyName, defaultValue);
			}
		};
		MetadataReader reader = ClassUtils.isPresent("com.fasterxml.jackson.core.JsonFactory", classLoader)
				? new StreamingMetadataReader() : new ParsedMetadataReader();
		for (String location : LOCATIONS) {
			for (URL url : resources(classLoader, location)) {
				try (InputStream in = url.openStream()) {
					reader.read(in, consumer);
				}
				catch (IOException | RuntimeException ex) {
					// A jar with broken metadata must not stop the application; its keys are unknown.
				}
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

	/** Every declared property, with whether keys below it are its own: for tests. */
	Map<ConfigurationPropertyName, Boolean> properties() {
		return Collections.unmodifiableMap(this.properties);
	}

	/** Every declared default: for tests. */
	Map<ConfigurationPropertyName, Object> defaults() {
		return Collections.unmodifiableMap(this.defaults);
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

	/** Receives each declared property of a metadata file. */
	@FunctionalInterface
	private interface PropertyConsumer {

		void accept(@Nullable String name, @Nullable String type, @Nullable Object defaultValue);

	}

	private interface MetadataReader {

		void read(InputStream in, PropertyConsumer consumer) throws IOException;

	}

	/**
	 * Streams a metadata file with Jackson, keeping each property's name, type and default and
	 * skipping the rest: Boot's own metadata is about a megabyte, mostly descriptions, and
	 * building all of it into maps took a few percent of an application's start-up.
	 */
	private static final class StreamingMetadataReader implements MetadataReader {

		private final JsonFactory json = new JsonFactory();

		@Override
		public void read(InputStream in, PropertyConsumer consumer) throws IOException {
			try (JsonParser parser = this.json.createParser(in)) {
				if (parser.nextToken() != JsonToken.START_OBJECT) {
					return;
				}
				while (parser.nextToken() == JsonToken.FIELD_NAME) {
					String field = parser.currentName();
					if (parser.nextToken() == JsonToken.START_ARRAY && "properties".equals(field)) {
						while (parser.nextToken() == JsonToken.START_OBJECT) {
							readProperty(parser, consumer);
						}
					}
					else {
						parser.skipChildren();
					}
				}
			}
		}

		private static void readProperty(JsonParser parser, PropertyConsumer consumer) throws IOException {
			String name = null;
			String type = null;
			Object defaultValue = null;
			while (parser.nextToken() == JsonToken.FIELD_NAME) {
				String field = parser.currentName();
				JsonToken token = parser.nextToken();
				switch (field) {
					case "name" -> name = (token == JsonToken.VALUE_STRING) ? parser.getText() : null;
					case "type" -> type = (token == JsonToken.VALUE_STRING) ? parser.getText() : null;
					case "defaultValue" -> defaultValue = value(parser, token);
					default -> parser.skipChildren();
				}
			}
			consumer.accept(name, type, defaultValue);
		}

		/** A default as the metadata writes it: a string, number, boolean or a list of them. */
		@Nullable
		private static Object value(JsonParser parser, JsonToken token) throws IOException {
			return switch (token) {
				case VALUE_STRING -> parser.getText();
				case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getNumberValue();
				case VALUE_TRUE, VALUE_FALSE -> parser.getBooleanValue();
				case START_ARRAY -> {
					List<Object> values = new ArrayList<>();
					for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser
						.nextToken()) {
						Object value = value(parser, element);
						if (value != null) {
							values.add(value);
						}
					}
					yield values;
				}
				default -> {
					parser.skipChildren();
					yield null;
				}
			};
		}

	}

	/** Without Jackson (it is optional here): Boot's own JSON parser, into maps. */
	private static final class ParsedMetadataReader implements MetadataReader {

		@Override
		public void read(InputStream in, PropertyConsumer consumer) throws IOException {
			Map<String, Object> metadata = JsonParserFactory.getJsonParser()
				.parseMap(StreamUtils.copyToString(in, StandardCharsets.UTF_8));
			if (metadata.get("properties") instanceof List<?> entries) {
				for (Object entry : entries) {
					if (entry instanceof Map<?, ?> property) {
						consumer.accept((property.get("name") instanceof String name) ? name : null,
								(property.get("type") instanceof String type) ? type : null,
								property.get("defaultValue"));
					}
				}
			}
		}

	}

}
