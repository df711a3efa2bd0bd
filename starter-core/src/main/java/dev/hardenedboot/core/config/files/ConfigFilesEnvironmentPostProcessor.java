package dev.hardenedboot.core.config.files;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Imports {@code optional:hardened-config:} by default, before Boot reads configuration:
 * the mounted directory and {@code config.{profile}.yaml} then take part in Boot's own
 * configuration processing, above the packaged {@code application.yaml}. The default is the
 * lowest-priority value of {@code spring.config.import}: an application that sets that
 * property itself adds {@code optional:hardened-config:} to its list to keep them.
 */
public class ConfigFilesEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the default import. */
	public static final String PROPERTY_SOURCE_NAME = "hardenedBootConfigFiles";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME,
						Map.of("spring.config.import", "optional:" + ConfigFilesLocationResolver.PREFIX)));
		}
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER - 1;
	}

}
