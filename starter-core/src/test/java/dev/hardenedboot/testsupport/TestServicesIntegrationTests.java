package dev.hardenedboot.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real services, located as every module's integration tests locate them. In CI the
 * environment variables point at the machine's own servers; on a laptop with Docker,
 * Testcontainers starts them.
 */
class TestServicesIntegrationTests {

	@Test
	void postgresGivesAFreshDatabaseSharedByTheWholeJvm() throws SQLException {
		JdbcService postgres = TestServices.postgres();
		assertThat(TestServices.postgres()).isSameAs(postgres);
		assertThat(postgres.database()).startsWith("hb_test_");
		try (Connection connection = postgres.openConnection(); Statement statement = connection.createStatement()) {
			assertThat(single(statement, "select current_database()")).isEqualTo(postgres.database());
			assertThat(single(statement,
					"select count(*) from information_schema.tables where table_schema = 'public'"))
				.isEqualTo("0");
		}
	}

	@Test
	void mariadbGivesAFreshDatabaseSharedByTheWholeJvm() throws SQLException {
		JdbcService mariadb = TestServices.mariadb();
		assertThat(TestServices.mariadb()).isSameAs(mariadb);
		try (Connection connection = mariadb.openConnection(); Statement statement = connection.createStatement()) {
			assertThat(single(statement, "select database()")).isEqualTo(mariadb.database());
			statement.execute("create table probe (id int primary key)");
			statement.execute("insert into probe values (1)");
			assertThat(single(statement, "select count(*) from probe")).isEqualTo("1");
		}
	}

	@Test
	void redisAnswersPing() {
		RedisService redis = TestServices.redis();
		assertThat(TestServices.redis()).isSameAs(redis);
		assertThat(redis.ping()).isEqualTo("PONG");
	}

	@Test
	void credentialsAreExposedForSpringProperties() {
		JdbcService postgres = TestServices.postgres();
		assertThat(postgres.username()).isNotBlank();
		assertThat(postgres.jdbcUrl()).contains("/" + postgres.database());
	}

	private static String single(Statement statement, String sql) throws SQLException {
		try (ResultSet result = statement.executeQuery(sql)) {
			assertThat(result.next()).isTrue();
			return result.getString(1);
		}
	}

}
