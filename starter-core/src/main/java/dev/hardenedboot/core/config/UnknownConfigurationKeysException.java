package dev.hardenedboot.core.config;

import java.util.List;

import org.springframework.lang.Nullable;

/**
 * Start-up found keys under {@code hardened.*} that no Hardened Boot property declares:
 * almost always a typo, which would otherwise leave the default silently in force.
 */
public class UnknownConfigurationKeysException extends RuntimeException {

	private final List<UnknownKey> keys;

	UnknownConfigurationKeysException(List<UnknownKey> keys) {
		super("Unknown configuration keys: " + keys.stream().map(UnknownKey::name).toList());
		this.keys = List.copyOf(keys);
	}

	public List<UnknownKey> getKeys() {
		return this.keys;
	}

	/**
	 * One unknown key.
	 *
	 * @param name the key
	 * @param origin where it was set (file and line, or the property source)
	 * @param suggestion the nearest declared key, when one is close
	 */
	public record UnknownKey(String name, String origin, @Nullable String suggestion) {

		/**
		 * The key, its origin, and the suggestion, for a log line or a message.
		 * @return the description
		 */
		public String describe() {
			return this.name + " (" + this.origin + ")"
					+ ((this.suggestion != null) ? ": did you mean '" + this.suggestion + "'?" : "");
		}

	}

}
