package dev.hardenedboot.data.query;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.hardenedboot.data.support.TestDatabases;
import dev.hardenedboot.data.web.DataWebTests;
import dev.hardenedboot.testsupport.JdbcService;
import dev.hardenedboot.testsupport.TestServices;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fail mode, as a test suite would run it: the request that repeats a statement fails. On a
 * database of its own, so its schema never disturbs the shared context's.
 */
@TestPropertySource(properties = "hardened.data.repeated-query.mode=fail")
@DirtiesContext
class RepeatedQueryFailModeIntegrationTests extends DataWebTests {

	private static final String DATABASE = TestDatabases.uniqueName("hb_fail_mode_");

	@DynamicPropertySource
	static void ownDatabase(DynamicPropertyRegistry registry) {
		JdbcService postgres = TestServices.postgres();
		TestDatabases.execute(postgres, "CREATE DATABASE " + DATABASE);
		// Hikari's own jdbc-url, bound onto the pool after spring.datasource.url: the base
		// class's dynamic spring.datasource.url is registered after this one and would win,
		// and this context's create-drop would then drop the shared context's tables.
		registry.add("spring.datasource.hikari.jdbc-url", () -> TestDatabases.urlFor(postgres, DATABASE));
	}

	@AfterAll
	static void dropDatabase() {
		TestDatabases.execute(TestServices.postgres(), "DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
	}

	@Autowired
	private DataSource dataSource;

	@Test
	void runsOnItsOwnDatabase() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			assertThat(connection.getCatalog()).isEqualTo(DATABASE);
		}
	}

	@Test
	void repeatedStatementFailsTheRequest() {
		HttpResponse<String> response = get("/orders");
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).contains("INTERNAL_ERROR").doesNotContain("order_line");
	}

	@Test
	void fetchJoinStillPasses() {
		assertThat(get("/orders/joined").statusCode()).isEqualTo(200);
	}

}
