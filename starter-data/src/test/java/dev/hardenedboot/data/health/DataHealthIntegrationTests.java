package dev.hardenedboot.data.health;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import dev.hardenedboot.data.jdbc.JdbcListenersAutoConfiguration;
import dev.hardenedboot.data.pool.DataPoolAutoConfiguration;
import dev.hardenedboot.data.pool.PoolDerivations;
import dev.hardenedboot.data.support.TcpProxy;
import dev.hardenedboot.data.support.TestDatabases;
import dev.hardenedboot.testsupport.JdbcService;
import dev.hardenedboot.testsupport.TestServices;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The data health checks against real PostgreSQL and MariaDB servers: read-only sessions, a
 * role without write privileges, and a database that disappears behind a black hole.
 */
class DataHealthIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(JdbcListenersAutoConfiguration.class, DataPoolAutoConfiguration.class,
					DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
					DataHealthAutoConfiguration.class));

	private static Health health(AssertableApplicationContext context, String name) {
		return context.getBean(name, HealthIndicator.class).health();
	}

	@Test
	void writableDatabaseIsUpEverywhere() {
		JdbcService postgres = TestServices.postgres();
		TestDatabases.executeInTestDatabase(postgres, "CREATE TABLE IF NOT EXISTS health_orders (id int)");
		this.runner
			.withPropertyValues("spring.datasource.url=" + postgres.jdbcUrl(),
					"hardened.health.deep.writable-tables=health_orders")
			.run((context) -> {
				assertThat(health(context, "dbHealthContributor").getStatus()).isEqualTo(Status.UP);
				assertThat(health(context, "dbHealthContributor").getDetails()).containsEntry("validation",
						"isValid(1)");
				assertThat(health(context, "databaseReadOnlyHealthContributor").getStatus()).isEqualTo(Status.UP);
				Health writable = health(context, "writableTablesHealthIndicator");
				assertThat(writable.getStatus()).isEqualTo(Status.UP);
				assertThat(writable.getDetails()).containsEntry("tables", Map.of("health_orders", "writable"));
				assertThat(health(context, "hikariPoolHealthContributor").getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void readOnlySessionsAreReportedByTheDeepChecks() {
		JdbcService postgres = TestServices.postgres();
		String database = TestDatabases.uniqueName("hb_readonly_");
		TestDatabases.execute(postgres, "CREATE DATABASE " + database);
		try {
			String url = TestDatabases.urlFor(postgres, database);
			TestDatabases.executeOn(url, "CREATE TABLE orders (id int)",
					"ALTER DATABASE " + database + " SET default_transaction_read_only = on");
			this.runner.withPropertyValues("spring.datasource.url=" + url, "hardened.health.deep.writable-tables=orders")
				.run((context) -> {
					assertThat(health(context, "dbHealthContributor").getStatus()).isEqualTo(Status.UP);
					Health readOnly = health(context, "databaseReadOnlyHealthContributor");
					assertThat(readOnly.getStatus()).isEqualTo(Status.DOWN);
					assertThat(readOnly.getDetails()).containsEntry("reason",
							"sessions are read-only (transaction_read_only)");
					Health writable = health(context, "writableTablesHealthIndicator");
					assertThat(writable.getStatus()).isEqualTo(Status.DOWN);
					assertThat(writable.getDetails().get("tables").toString()).contains("orders=not writable: 25006");
				});
		}
		finally {
			TestDatabases.execute(postgres, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
	}

	@Test
	void tableWithoutWritePrivilegesIsReported() {
		JdbcService postgres = TestServices.postgres();
		String role = TestDatabases.uniqueName("hb_reader_");
		TestDatabases.executeInTestDatabase(postgres, "CREATE TABLE IF NOT EXISTS ledger (id int)",
				"CREATE TABLE IF NOT EXISTS journal (id int)", "CREATE ROLE " + role + " LOGIN PASSWORD 'reader'",
				"GRANT SELECT ON ledger TO " + role, "REVOKE INSERT, UPDATE, DELETE ON ledger FROM " + role,
				"GRANT SELECT, INSERT, UPDATE, DELETE ON journal TO " + role);
		try {
			String url = postgres.jdbcUrl().replaceAll("user=[^&]*", "user=" + role) + "&password=reader";
			this.runner
				.withPropertyValues("spring.datasource.url=" + url,
						"hardened.health.deep.writable-tables=public.ledger,journal")
				.run((context) -> {
					Health writable = health(context, "writableTablesHealthIndicator");
					assertThat(writable.getStatus()).isEqualTo(Status.DOWN);
					assertThat(writable.getDetails()).containsEntry("tables",
							Map.of("public.ledger", "not writable: no INSERT, UPDATE, DELETE privilege", "journal",
									"writable"));
				});
		}
		finally {
			TestDatabases.executeInTestDatabase(postgres, "DROP OWNED BY " + role, "DROP ROLE " + role);
		}
	}

	@Test
	void mariadbChecks() {
		JdbcService mariadb = TestServices.mariadb();
		TestDatabases.executeInTestDatabase(mariadb, "CREATE TABLE IF NOT EXISTS health_orders (id int)");
		this.runner
			.withPropertyValues("spring.datasource.url=" + mariadb.jdbcUrl(),
					"hardened.health.deep.writable-tables=health_orders,missing_table")
			.run((context) -> {
				assertThat(health(context, "dbHealthContributor").getStatus()).isEqualTo(Status.UP);
				assertThat(health(context, "databaseReadOnlyHealthContributor").getStatus()).isEqualTo(Status.UP);
				Health writable = health(context, "writableTablesHealthIndicator");
				assertThat(writable.getStatus()).isEqualTo(Status.DOWN);
				assertThat(writable.getDetails().get("tables").toString()).contains("health_orders=writable",
						"missing_table=not writable: 42S02");
			});
	}

	@Test
	void jdbcAppStartsWithTheDatabaseGoneAndBecomesReadyWhenItReturns() throws Exception {
		JdbcService postgres = TestServices.postgres();
		URI server = URI.create(postgres.server().url().substring("jdbc:".length()));
		try (TcpProxy proxy = new TcpProxy(server.getHost(), server.getPort())) {
			proxy.blackHole(true);
			String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + postgres.database() + "?"
					+ server.getQuery();
			this.runner
				.withPropertyValues("spring.datasource.url=" + url, "spring.datasource.hikari.connection-timeout=1000",
						"spring.datasource.hikari.validation-timeout=1000", "spring.datasource.hikari.data-source-properties.connectTimeout=1",
						"spring.datasource.hikari.data-source-properties.socketTimeout=2")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(PoolDerivations.class).get("dataSource").orElseThrow().serverChecked())
						.isFalse();
					assertDownWithin(context, Duration.ofSeconds(4));
					proxy.blackHole(false);
					assertThat(health(context, "dbHealthContributor").getStatus()).isEqualTo(Status.UP);
					assertThat(context.getBean(JdbcTemplate.class).queryForObject("SELECT 1", Integer.class))
						.isEqualTo(1);
					assertThat(context.getBean(PoolDerivations.class).get("dataSource").orElseThrow().serverChecked())
						.as("checked on the first successful connection")
						.isTrue();
					proxy.blackHole(true);
					assertDownWithin(context, Duration.ofSeconds(4));
					proxy.blackHole(false);
					// The pool replaces the connections the outage broke as they fail validation.
					await().atMost(Duration.ofSeconds(10))
						.untilAsserted(() -> assertThat(health(context, "dbHealthContributor").getStatus())
							.as("back without a restart")
							.isEqualTo(Status.UP));
				});
		}
	}

	private static void assertDownWithin(AssertableApplicationContext context, Duration limit) {
		long start = System.nanoTime();
		Health health = health(context, "dbHealthContributor");
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(took).isLessThan(limit);
	}

}
