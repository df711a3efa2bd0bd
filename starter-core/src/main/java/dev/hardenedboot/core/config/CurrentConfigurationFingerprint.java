package dev.hardenedboot.core.config;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The fingerprint of the configuration in force: computed at start-up and again after every
 * reload that changed a value, so {@code /actuator/info} and the gauge follow the running
 * configuration, not the one the instance started with.
 */
public class CurrentConfigurationFingerprint implements ApplicationListener<ConfigReloadedEvent> {

	private final ConfigurableEnvironment environment;

	private final AtomicReference<ConfigurationFingerprint> current;

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	public CurrentConfigurationFingerprint(ConfigurableEnvironment environment) {
		this.environment = environment;
		this.current = new AtomicReference<>(ConfigurationFingerprint.of(environment));
	}

	/**
	 * The fingerprint of the configuration in force.
	 * @return the fingerprint
	 */
	public ConfigurationFingerprint get() {
		return this.current.get();
	}

	void onChange(Runnable listener) {
		this.listeners.add(listener);
	}

	@Override
	public void onApplicationEvent(ConfigReloadedEvent event) {
		this.current.set(ConfigurationFingerprint.of(this.environment));
		this.listeners.forEach(Runnable::run);
	}

}
