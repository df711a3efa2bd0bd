package dev.hardenedboot.core.config.cipher;

/**
 * Encrypted configuration cannot be used: no key, an unsafe key file, or a value that does
 * not decrypt. Messages name properties and files, never values.
 */
public class ConfigCipherException extends RuntimeException {

	private final String action;

	ConfigCipherException(String message, String action) {
		super(message);
		this.action = action;
	}

	public String getAction() {
		return this.action;
	}

}
