package dev.hardenedboot.data.statement;

import dev.hardenedboot.core.errors.ErrorsAutoConfiguration;
import dev.hardenedboot.core.errors.ProblemDetails;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * JDBC statements and {@code @Transactional} methods bounded by the request's deadline,
 * and 503 with {@code Retry-After} for a database that gives no connection.
 */
@AutoConfiguration(before = { DataSourceAutoConfiguration.class, TransactionAutoConfiguration.class },
		after = ErrorsAutoConfiguration.class)
@ConditionalOnClass(QueryExecutionListener.class)
@ConditionalOnProperty(prefix = "hardened.data.statement", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(StatementDeadlineProperties.class)
public class StatementDeadlineAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	StatementDeadlineListener statementDeadlineListener() {
		return new StatementDeadlineListener();
	}

	@Bean
	static TransactionDeadlinePostProcessor hardenedTransactionDeadlinePostProcessor() {
		return new TransactionDeadlinePostProcessor();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(DispatcherServlet.class)
	@ConditionalOnBean(ProblemDetails.class)
	static class DatabaseUnavailableConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DatabaseUnavailableAdvice databaseUnavailableAdvice(ProblemDetails problems,
				StatementDeadlineProperties properties) {
			return new DatabaseUnavailableAdvice(problems, properties.getRetryAfter());
		}

	}

}
