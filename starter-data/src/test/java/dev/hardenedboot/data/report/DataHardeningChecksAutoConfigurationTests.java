package dev.hardenedboot.data.report;

import java.sql.Connection;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.hardenedboot.core.report.HardeningCheck;
import dev.hardenedboot.core.report.HardeningFinding;
import dev.hardenedboot.core.report.HardeningStatus;
import dev.hardenedboot.data.jdbc.JdbcListenersAutoConfiguration;
import dev.hardenedboot.data.pool.DataPoolAutoConfiguration;
import dev.hardenedboot.testsupport.TestServices;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class DataHardeningChecksAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JdbcListenersAutoConfiguration.class, DataPoolAutoConfiguration.class,
				DataSourceAutoConfiguration.class, DataHardeningChecksAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=" + TestServices.postgres().jdbcUrl());

	@Test
	void onByDefaultReadingTheLivePoolsDerivation() {
		this.runner
			.withPropertyValues("spring.datasource.hikari.maximum-pool-size=10", "hardened.data.pool.instances=1000")
			.run((context) -> {
				assertThat(context).hasBean("dataPoolCheck").hasBean("dataJpaCheck");
				try (Connection connection = context.getBean(DataSource.class).getConnection()) {
					assertThat(connection.isValid(1)).isTrue();
				}
				List<HardeningFinding> findings = findings(context);
				HardeningFinding connections = find(findings, "pool.max-connections");
				assertThat(connections.status()).as("1000 x 10 exceeds any test server's max_connections")
					.isEqualTo(HardeningStatus.FAIL);
				assertThat(connections.reason()).contains("1000 instances x 10 connections = 10000",
						"max_connections");
				HardeningFinding size = find(findings, "pool.size");
				assertThat(size.status()).isEqualTo(HardeningStatus.WARN);
				assertThat(size.reason()).contains("maximum-pool-size 10 x 1000 instances exceeds");
				assertThat(size.fix()).contains("spring.datasource.hikari.maximum-pool-size");
				assertThat(findings).extracting(HardeningFinding::id)
					.contains("pool.lifetime", "pool.leak-detection", "pool.connection-timeout", "jpa.open-in-view",
							"jpa.ddl-auto");
			});
	}

	@Test
	void offWhenTheReportIsOff() {
		this.runner.withPropertyValues("hardened.report.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HardeningCheck.class));
	}

	@Test
	void poolChecksAbsentWithoutHikariOrThePoolStarter() {
		this.runner.withClassLoader(new FilteredClassLoader(HikariDataSource.class))
			.run((context) -> assertThat(context).doesNotHaveBean("dataPoolCheck").hasBean("dataJpaCheck"));
		this.runner.withPropertyValues("hardened.data.pool.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("dataPoolCheck"));
	}

	@Test
	void jpaChecksAbsentWithoutJpa() {
		this.runner.withClassLoader(new FilteredClassLoader(EntityManagerFactory.class))
			.run((context) -> assertThat(context).doesNotHaveBean("dataJpaCheck").hasBean("dataPoolCheck"));
	}

	@Test
	void absentWithoutTheReport() {
		this.runner.withClassLoader(new FilteredClassLoader(HardeningCheck.class))
			.run((context) -> assertThat(context).doesNotHaveBean(HardeningCheck.class));
	}

	private static List<HardeningFinding> findings(AssertableApplicationContext context) {
		Collection<HardeningCheck> checks = context.getBeansOfType(HardeningCheck.class).values();
		return checks.stream().flatMap((check) -> check.check().stream()).toList();
	}

	private static HardeningFinding find(List<HardeningFinding> findings, String id) {
		return findings.stream().filter((finding) -> finding.id().equals(id)).findFirst().orElseThrow();
	}

}
