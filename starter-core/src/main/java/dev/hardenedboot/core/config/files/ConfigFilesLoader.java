package dev.hardenedboot.core.config.files;

import java.io.IOException;

import org.springframework.boot.context.config.ConfigData;
import org.springframework.boot.context.config.ConfigDataLoader;
import org.springframework.boot.context.config.ConfigDataLoaderContext;

/**
 * Loads what {@link ConfigFilesLocationResolver} found, as {@link ConfigFiles} reads it: with
 * Boot's own YAML and properties loaders (so origins carry file and line); a key-per-file
 * directory becomes one property per file, the file's name the key and its content, without
 * the trailing line break, the value.
 */
class ConfigFilesLoader implements ConfigDataLoader<ConfigFileResource> {

	@Override
	public ConfigData load(ConfigDataLoaderContext context, ConfigFileResource resource) throws IOException {
		return new ConfigData(ConfigFiles.load(resource));
	}

}
