package dev.hardenedboot.observability.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * {@link ConditionalOnLogback}'s test.
 */
class OnLogbackCondition extends SpringBootCondition {

	private static final String LOGGER_CONTEXT = "ch.qos.logback.classic.LoggerContext";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnLogback.class);
		if (!ClassUtils.isPresent(LOGGER_CONTEXT, context.getClassLoader())) {
			return ConditionOutcome.noMatch(message.didNotFind("class").items(LOGGER_CONTEXT));
		}
		ILoggerFactory factory = LoggerFactory.getILoggerFactory();
		if (!factory.getClass().getName().equals(LOGGER_CONTEXT)) {
			return ConditionOutcome.noMatch(message.because("SLF4J is bound to " + factory.getClass().getName()));
		}
		return ConditionOutcome.match(message.because("SLF4J is bound to Logback"));
	}

}
