package dev.hardenedboot.core.config.files;

import java.util.Map;

import dev.hardenedboot.core.config.LowestPriorityDefaults;

import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;

/**
 * Imports {@code optional:hardened-config:} by default, before Boot reads configuration:
 * the mounted directory and {@code config.{profile}.yaml} then take part in Boot's own
 * configuration processing, above the packaged {@code application.yaml}. The default is the
 * lowest-priority value of {@code spring.config.import}: an application that sets that
 * property itself adds {@code optional:hardened-config:} to its list to keep them.
 */
public class ConfigFilesEnvironmentPostProcessor extends LowestPriorityDefaults {

	/** Name of the property source holding the default import. */
	public static final String PROPERTY_SOURCE_NAME = "hardenedBootConfigFiles";

	public ConfigFilesEnvironmentPostProcessor() {
		super(PROPERTY_SOURCE_NAME, Map.of("spring.config.import", "optional:" + ConfigFilesLocationResolver.PREFIX));
	}

	/**
	 * Before Boot reads the configuration, which is when imports are resolved.
	 */
	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER - 1;
	}

}
