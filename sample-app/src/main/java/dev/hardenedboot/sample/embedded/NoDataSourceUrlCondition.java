package dev.hardenedboot.sample.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when no {@code spring.datasource.url} is configured, so the embedded database is
 * used only when the user has not pointed the app at a server (the {@code postgres}
 * profile does).
 */
class NoDataSourceUrlCondition extends SpringBootCondition {

	private static final String PROPERTY = "spring.datasource.url";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("Embedded PostgreSQL");
		String url = context.getEnvironment().getProperty(PROPERTY);
		if (StringUtils.hasText(url)) {
			return ConditionOutcome.noMatch(message.found("property").items(PROPERTY));
		}
		return ConditionOutcome.match(message.didNotFind("property").items(PROPERTY));
	}

}
