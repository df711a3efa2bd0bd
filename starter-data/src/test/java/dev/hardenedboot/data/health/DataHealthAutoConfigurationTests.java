package dev.hardenedboot.data.health;

import dev.hardenedboot.testsupport.TestServices;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.jdbc.DataSourceHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class DataHealthAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, DataHealthAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, DataSourceHealthContributorAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + TestServices.postgres().jdbcUrl());

	@Test
	void onByDefaultInPlaceOfBootsDbCheck() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(DataSourceHealthIndicator.class)
				.hasBean("writableTablesHealthIndicator")
				.hasBean("databaseReadOnlyHealthContributor")
				.hasBean("hikariPoolHealthContributor");
			assertThat(context.getBean("dbHealthContributor")).isInstanceOf(ConnectionValidHealthIndicator.class);
			assertThat(context.getBean("writableTablesHealthIndicator", HealthIndicator.class).health().getDetails())
				.containsEntry("tables", "none configured (hardened.health.deep.writable-tables)");
		});
	}

	@Test
	void offBySwitchLeavesBootsDbCheck() {
		this.runner.withPropertyValues("hardened.data.health.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ConnectionValidHealthIndicator.class)
				.doesNotHaveBean("writableTablesHealthIndicator");
			assertThat(context.getBean("dbHealthContributor")).isInstanceOf(DataSourceHealthIndicator.class);
		});
	}

	@Test
	void dbCheckFollowsBootsOwnSwitch() {
		this.runner.withPropertyValues("management.health.db.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("dbHealthContributor")
				.hasBean("databaseReadOnlyHealthContributor"));
	}

	@Test
	void backsOffToTheApplicationsChecks() {
		this.runner.withUserConfiguration(UserChecks.class).run((context) -> {
			assertThat(context).doesNotHaveBean("dbHealthContributor").doesNotHaveBean(DataSourceHealthIndicator.class);
			assertThat(context.getBean("writableTablesHealthIndicator", HealthIndicator.class).health().getStatus())
				.isEqualTo(Status.OUT_OF_SERVICE);
		});
	}

	@Test
	void absentWithoutTheActuator() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthContributor.class))
			.run((context) -> assertThat(context).doesNotHaveBean("writableTablesHealthIndicator")
				.doesNotHaveBean(ConnectionValidHealthIndicator.class));
	}

	@Test
	void tableNamesAreValidated() {
		this.runner.withPropertyValues("hardened.health.deep.writable-tables=orders; drop table x")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Configuration(proxyBeanMethods = false)
	static class UserChecks {

		@Bean
		HealthIndicator dbHealthIndicator() {
			return () -> org.springframework.boot.actuate.health.Health.up().build();
		}

		@Bean
		HealthIndicator writableTablesHealthIndicator() {
			return () -> org.springframework.boot.actuate.health.Health.outOfService().build();
		}

	}

}
