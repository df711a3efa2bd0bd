package dev.hardenedboot.data.pool;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import dev.hardenedboot.data.jdbc.JdbcListenersAutoConfiguration;
import dev.hardenedboot.data.pool.PoolDerivation.Status;
import dev.hardenedboot.data.support.TestDatabases;
import dev.hardenedboot.testsupport.JdbcService;
import dev.hardenedboot.testsupport.TestServices;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lifetimes and sizes derived from what real PostgreSQL and MariaDB servers say, each
 * setting made for the test's own database or sessions only.
 */
class PoolServerIntegrationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer((context) -> new PoolDefaultsEnvironmentPostProcessor()
			.postProcessEnvironment(context.getEnvironment(), null))
		.withConfiguration(AutoConfigurations.of(JdbcListenersAutoConfiguration.class, DataPoolAutoConfiguration.class,
				DataSourceAutoConfiguration.class));

	@Test
	void postgresIdleSessionTimeoutBoundsTheLifetime() {
		JdbcService postgres = TestServices.postgres();
		String database = TestDatabases.uniqueName("hb_idle_");
		TestDatabases.execute(postgres, "CREATE DATABASE " + database,
				"ALTER DATABASE " + database + " SET idle_session_timeout = '120s'");
		try {
			this.runner.withPropertyValues("spring.datasource.url=" + TestDatabases.urlFor(postgres, database))
				.run((context) -> {
					HikariDataSource pool = context.getBean(HikariDataSource.class);
					PoolDerivation derivation = context.getBean(PoolDerivations.class).get("dataSource").orElseThrow();
					assertThat(derivation.serverChecked()).isTrue();
					assertThat(derivation.server().idleTimeouts()).containsEntry("idle_session_timeout",
							Duration.ofSeconds(120));
					assertThat(derivation.maxLifetime()).isEqualTo(Duration.ofSeconds(90));
					assertThat(pool.getMaxLifetime()).isEqualTo(90_000);
					assertThat(pool.getKeepaliveTime()).isEqualTo(60_000);
					assertThat(pool.getConnectionTimeout()).as("Hardened Boot's default").isEqualTo(3_000);
					assertThat(pool.getLeakDetectionThreshold()).as("borrows are tracked instead").isZero();
					assertThat(derivation.leakDetectionThreshold()).isEqualTo(Duration.ofSeconds(60));
					pool.close();
				});
		}
		finally {
			TestDatabases.execute(postgres, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
	}

	@Test
	void mariadbWaitTimeoutOfTheSessionsBoundsTheLifetime() {
		JdbcService mariadb = TestServices.mariadb();
		String url = mariadb.jdbcUrl() + "&sessionVariables=wait_timeout=100";
		this.runner.withPropertyValues("spring.datasource.url=" + url).run((context) -> {
			HikariDataSource pool = context.getBean(HikariDataSource.class);
			PoolDerivation derivation = context.getBean(PoolDerivations.class).get("dataSource").orElseThrow();
			assertThat(derivation.server().idleTimeouts()).containsEntry("wait_timeout", Duration.ofSeconds(100));
			assertThat(pool.getMaxLifetime()).isEqualTo(70_000);
			assertThat(pool.getKeepaliveTime()).isEqualTo(50_000);
			pool.close();
		});
	}

	@Test
	void poolSizeFollowsTheWorkloadWithinTheServersMaxConnections() throws Exception {
		JdbcService postgres = TestServices.postgres();
		int usable;
		try (Connection connection = postgres.openConnection(); Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT current_setting('max_connections')::int - "
						+ "current_setting('superuser_reserved_connections')::int - "
						+ "coalesce(current_setting('reserved_connections', true)::int, 0)")) {
			row.next();
			usable = row.getInt(1);
		}
		int instances = Math.max(1, usable / 5);
		this.runner
			.withPropertyValues("spring.datasource.url=" + postgres.jdbcUrl(), "hardened.data.pool.peak-qps=1000",
					"hardened.data.pool.p95-query-time=20ms", "hardened.data.pool.instances=" + instances)
			.run((context) -> {
				HikariDataSource pool = context.getBean(HikariDataSource.class);
				PoolDerivation derivation = context.getBean(PoolDerivations.class).get("dataSource").orElseThrow();
				assertThat(derivation.maximumPoolSize()).isEqualTo(usable / instances).isLessThan(40);
				assertThat(pool.getMaximumPoolSize()).isEqualTo(usable / instances);
				assertThat(pool.getMinimumIdle()).isEqualTo(usable / instances);
				assertThat(derivation.checks()).anySatisfy((check) -> {
					assertThat(check.name()).isEqualTo("pool-size");
					assertThat(check.reason()).contains("ceil(2 x 1000.0 qps x 20 ms) = 40",
							instances + " instances fit in the server's " + usable + " connections");
				});
				pool.close();
			});
	}

	@Test
	void applicationStartsWithTheDatabaseDownAndChecksLater() throws Exception {
		int closedPort;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		this.runner
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closedPort + "/none",
					"hardened.data.pool.network-idle-timeout=100s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				PoolDerivation derivation = context.getBean(PoolDerivations.class).get("dataSource").orElseThrow();
				assertThat(derivation.serverChecked()).isFalse();
				assertThat(derivation.maxLifetime()).as("from the declared network timeout")
					.isEqualTo(Duration.ofSeconds(70));
				assertThat(derivation.checks()).allSatisfy((check) -> assertThat(check.status()).isNotNull());
				assertThat(derivation.checks()).filteredOn((check) -> check.name().equals("pool-size"))
					.allSatisfy((check) -> assertThat(check.status()).isEqualTo(Status.WARN));
			});
	}

}
