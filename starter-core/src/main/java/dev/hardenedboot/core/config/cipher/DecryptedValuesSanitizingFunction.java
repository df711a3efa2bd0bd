package dev.hardenedboot.core.config.cipher;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks every decrypted value in {@code /actuator/env} and {@code /actuator/configprops},
 * whatever its name, even when {@code show-values} is {@code always}: a value someone took the
 * trouble to encrypt is a secret.
 */
class DecryptedValuesSanitizingFunction implements SanitizingFunction {

	@Override
	public SanitizableData apply(SanitizableData data) {
		if (data.getPropertySource() != null
				&& DecryptingEnvironmentPostProcessor.PROPERTY_SOURCE_NAME.equals(data.getPropertySource().getName())) {
			return data.withSanitizedValue();
		}
		return data;
	}

}
