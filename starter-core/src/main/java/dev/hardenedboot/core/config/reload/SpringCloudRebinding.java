package dev.hardenedboot.core.config.reload;

import java.util.List;
import java.util.Set;

import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.cloud.context.properties.ConfigurationPropertiesRebinder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Hands a checked change to Spring Cloud: its {@link ConfigurationPropertiesRebinder} rebinds
 * the beans (including {@code @RefreshScope} ones) and its logging rebinder sets the levels,
 * both on the {@link EnvironmentChangeEvent}. Spring Cloud rebinds into the running instance,
 * so a property removed from a file keeps its last value there, unlike with our own rebinding.
 * This class names Spring Cloud's types: it is loaded only once they are known to be there.
 */
final class SpringCloudRebinding implements RunningBeansUpdate {

	private final ConfigurableApplicationContext context;

	private SpringCloudRebinding(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/** Spring Cloud's rebinding when the application runs Spring Cloud's rebinder. */
	static RunningBeansUpdate orElse(ConfigurableApplicationContext context, RunningBeansUpdate fallback) {
		return (context.getBeanNamesForType(ConfigurationPropertiesRebinder.class).length > 0)
				? new SpringCloudRebinding(context) : fallback;
	}

	@Override
	public List<String> apply(PropertiesRebinding.Binding binding, Set<String> changedKeys, LoggingLevels levels) {
		this.context.publishEvent(new EnvironmentChangeEvent(this.context, changedKeys));
		return binding.constructorBound();
	}

}
