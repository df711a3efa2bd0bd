package dev.hardenedboot.core.config;

import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.Environment;

/**
 * The application's own prefixes that get Hardened Boot's checks, from
 * {@value #PROPERTY}: {@code hardened.config.strict-prefixes: orders} is the one-line opt-in.
 */
final class StrictPrefixes {

	static final String PROPERTY = "hardened.config.strict-prefixes";

	private static final ConfigurationPropertyName HARDENED = ConfigurationPropertyName.of("hardened");

	private final List<ConfigurationPropertyName> prefixes;

	private StrictPrefixes(List<ConfigurationPropertyName> prefixes) {
		this.prefixes = prefixes;
	}

	static StrictPrefixes of(Environment environment) {
		List<String> names = Binder.get(environment).bind(PROPERTY, Bindable.listOf(String.class)).orElse(List.of());
		return new StrictPrefixes(names.stream().map(ConfigurationPropertyName::of).toList());
	}

	boolean isEmpty() {
		return this.prefixes.isEmpty();
	}

	/** Whether properties bound at {@code name} are checked: ours always, the listed ones on request. */
	boolean covers(ConfigurationPropertyName name) {
		return isAtOrBelow(HARDENED, name) || this.prefixes.stream().anyMatch((prefix) -> isAtOrBelow(prefix, name));
	}

	/** Whether {@code name} is one of the application's listed prefixes or below one. */
	boolean coversApplication(ConfigurationPropertyName name) {
		return this.prefixes.stream().anyMatch((prefix) -> isAtOrBelow(prefix, name));
	}

	private static boolean isAtOrBelow(ConfigurationPropertyName prefix, ConfigurationPropertyName name) {
		return prefix.equals(name) || prefix.isAncestorOf(name);
	}

}
