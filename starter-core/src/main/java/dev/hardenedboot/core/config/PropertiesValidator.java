package dev.hardenedboot.core.config;

import org.springframework.boot.validation.MessageInterpolatorFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.validation.Validator;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * The bean validator for configuration properties, with Boot's message interpolation, as
 * Boot builds its own for {@code @Validated} properties classes.
 */
public final class PropertiesValidator {

	private PropertiesValidator() {
	}

	/**
	 * A new validator.
	 * @param context the application context, for message resources
	 * @return the validator
	 */
	public static Validator create(ApplicationContext context) {
		LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
		validator.setMessageInterpolator(new MessageInterpolatorFactory(context).getObject());
		validator.afterPropertiesSet();
		return validator;
	}

}
