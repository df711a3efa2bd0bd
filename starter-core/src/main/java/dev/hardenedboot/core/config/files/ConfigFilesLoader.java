package dev.hardenedboot.core.config.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.config.ConfigData;
import org.springframework.boot.context.config.ConfigDataLoader;
import org.springframework.boot.context.config.ConfigDataLoaderContext;
import org.springframework.boot.env.OriginTrackedMapPropertySource;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/**
 * Loads what {@link ConfigFilesLocationResolver} found, with Boot's own YAML and properties
 * loaders (so origins carry file and line); a key-per-file directory becomes one property per
 * file, the file's name the key and its content, without the trailing line break, the value.
 */
class ConfigFilesLoader implements ConfigDataLoader<ConfigFileResource> {

	@Override
	public ConfigData load(ConfigDataLoaderContext context, ConfigFileResource resource) throws IOException {
		if (resource.kind() == ConfigFileResource.Kind.KEY_PER_FILE) {
			return new ConfigData(List.of(keyPerFile(resource.path())));
		}
		Path file = resource.path();
		PropertySourceLoader loader = file.getFileName().toString().endsWith(".properties")
				? new PropertiesPropertySourceLoader() : new YamlPropertySourceLoader();
		List<PropertySource<?>> sources = loader.load("Config file '" + file + "'", new FileSystemResource(file));
		return new ConfigData(sources);
	}

	private static PropertySource<?> keyPerFile(Path directory) throws IOException {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (Path file : ConfigFilesLocationResolver.visibleFiles(directory)) {
			if (!ConfigFilesLocationResolver.isDocument(file)) {
				String content = Files.readString(file, StandardCharsets.UTF_8);
				properties.put(file.getFileName().toString(), content.endsWith("\n")
						? content.substring(0, content.length() - (content.endsWith("\r\n") ? 2 : 1)) : content);
			}
		}
		return new OriginTrackedMapPropertySource("Config tree '" + directory + "'", properties);
	}

}
