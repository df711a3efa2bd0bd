package dev.hardenedboot.core.config.cipher;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Keeps decrypted configuration out of the actuator's {@code env} and {@code configprops}.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public class ConfigCipherAutoConfiguration {

	@Bean
	SanitizingFunction decryptedValuesSanitizingFunction() {
		return new DecryptedValuesSanitizingFunction();
	}

}
