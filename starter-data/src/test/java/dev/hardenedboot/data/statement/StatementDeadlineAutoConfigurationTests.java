package dev.hardenedboot.data.statement;

import java.time.Duration;

import dev.hardenedboot.core.context.Deadline;
import dev.hardenedboot.core.context.DeadlineExceededException;
import dev.hardenedboot.core.context.RequestContext;
import dev.hardenedboot.core.errors.ErrorsAutoConfiguration;
import dev.hardenedboot.data.jdbc.JdbcListenersAutoConfiguration;
import dev.hardenedboot.testsupport.TestServices;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class StatementDeadlineAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(JdbcListenersAutoConfiguration.class, StatementDeadlineAutoConfiguration.class,
					DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + TestServices.postgres().jdbcUrl());

	@Test
	void onByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(StatementDeadlineListener.class)
			.hasSingleBean(TransactionDeadlinePostProcessor.class)
			.doesNotHaveBean(DatabaseUnavailableAdvice.class));
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ErrorsAutoConfiguration.class,
					StatementDeadlineAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(DatabaseUnavailableAdvice.class));
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.data.statement.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(StatementDeadlineListener.class)
				.doesNotHaveBean(TransactionDeadlinePostProcessor.class));
	}

	@Test
	void backsOffToTheApplicationsListener() {
		this.runner.withUserConfiguration(UserListener.class)
			.run((context) -> assertThat(context).hasSingleBean(StatementDeadlineListener.class)
				.hasBean("myDeadlineListener"));
	}

	@Test
	void absentWithoutDatasourceProxy() {
		this.runner.withClassLoader(new FilteredClassLoader(QueryExecutionListener.class))
			.run((context) -> assertThat(context).doesNotHaveBean(StatementDeadlineListener.class));
	}

	@Test
	void mariadbStatementIsCutInWholeSecondsRoundedUp() {
		this.runner.withPropertyValues("spring.datasource.url=" + TestServices.mariadb().jdbcUrl()).run((context) -> {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			RequestContext request = RequestContext.of("mariadb-1").withDeadline(Deadline.after(Duration.ofMillis(1_200)));
			long start = System.nanoTime();
			try (RequestContext.Scope scope = request.makeCurrent()) {
				assertThatExceptionOfType(DeadlineExceededException.class)
					.isThrownBy(() -> jdbc.queryForObject("SELECT SLEEP(5)", Integer.class));
			}
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(took).isBetween(Duration.ofMillis(1_200), Duration.ofMillis(3_000));
		});
	}

	@Test
	void postgresStatementIsCutInMilliseconds() {
		this.runner.withPropertyValues("spring.datasource.url=" + TestServices.postgres().jdbcUrl()).run((context) -> {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			RequestContext request = RequestContext.of("postgres-1").withDeadline(Deadline.after(Duration.ofMillis(300)));
			long start = System.nanoTime();
			try (RequestContext.Scope scope = request.makeCurrent()) {
				assertThatExceptionOfType(DeadlineExceededException.class)
					.isThrownBy(() -> jdbc.queryForList("SELECT pg_sleep(5)"));
				assertThatExceptionOfType(DeadlineExceededException.class).as("not started after the deadline")
					.isThrownBy(() -> jdbc.queryForObject("SELECT 1", Integer.class));
			}
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_000));
			assertThat(jdbc.queryForObject("SELECT 1", Integer.class)).as("no deadline, no bound").isEqualTo(1);
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserListener {

		@Bean
		StatementDeadlineListener myDeadlineListener() {
			return new StatementDeadlineListener();
		}

	}

}
