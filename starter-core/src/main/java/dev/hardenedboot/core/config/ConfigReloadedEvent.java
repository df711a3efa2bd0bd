package dev.hardenedboot.core.config;

import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.context.ApplicationEvent;

/**
 * Published once a reloaded configuration is in force: the environment holds the new values
 * and mutable {@code @ConfigurationProperties} beans have been rebound. Components that copy
 * a setting into their own state (log sampling rates, circuit-breaker thresholds) listen for
 * it and read the setting again.
 */
public class ConfigReloadedEvent extends ApplicationEvent {

	private final Set<String> changedKeys;

	private final List<String> restartRequired;

	/**
	 * Creates the event.
	 * @param source the reloader
	 * @param changedKeys the properties whose effective value changed
	 * @param restartRequired what changed but keeps its old value until a restart
	 */
	public ConfigReloadedEvent(Object source, Set<String> changedKeys, List<String> restartRequired) {
		super(source);
		this.changedKeys = Set.copyOf(changedKeys);
		this.restartRequired = List.copyOf(restartRequired);
	}

	/**
	 * The properties whose effective value changed, in canonical form
	 * ({@code hardened.request.timeout}).
	 * @return the changed keys
	 */
	public Set<String> getChangedKeys() {
		return this.changedKeys;
	}

	/**
	 * What changed but keeps its old value until a restart: constructor-bound properties and
	 * settings their owner rejected.
	 * @return descriptions, one per property or bean
	 */
	public List<String> getRestartRequired() {
		return this.restartRequired;
	}

	/**
	 * Whether any changed key is {@code prefix} or lies below it.
	 * @param prefix a property name, such as {@code hardened.logging.sampling}
	 * @return whether the reload touched it
	 */
	public boolean changedUnder(String prefix) {
		ConfigurationPropertyName parent = ConfigurationPropertyName.of(prefix);
		return this.changedKeys.stream()
			.map(ConfigurationPropertyName::of)
			.anyMatch((key) -> parent.equals(key) || parent.isAncestorOf(key));
	}

}
