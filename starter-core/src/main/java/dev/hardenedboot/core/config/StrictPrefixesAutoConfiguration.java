package dev.hardenedboot.core.config;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

/**
 * The opt-in checks for the application's own configuration prefixes,
 * {@code hardened.config.strict-prefixes}. The advisor is always there and does nothing until
 * a prefix is listed, since a list is awkward to condition on.
 */
@AutoConfiguration
@ConditionalOnClass(name = "jakarta.validation.Validator")
public class StrictPrefixesAutoConfiguration {

	@Bean
	static StrictPrefixesBindHandlerAdvisor strictPrefixesBindHandlerAdvisor(Environment environment,
			ApplicationContext context) {
		return new StrictPrefixesBindHandlerAdvisor(StrictPrefixes.of(environment),
				SingletonSupplier.of(() -> PropertiesValidator.create(context)));
	}

}
