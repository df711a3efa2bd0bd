package dev.hardenedboot.data.statement;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardenedboot.data.web.DataWebTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements and transactions bounded by the request deadline on a real PostgreSQL, and the
 * answers when the deadline cuts a statement or the pool has no connection to give.
 */
class StatementDeadlineIntegrationTests extends DataWebTests {

	@Autowired
	private DataSource dataSource;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void statementIsCutAtTheDeadlineAndAnswered504() throws Exception {
		long start = System.nanoTime();
		HttpResponse<String> response = get("/sleep?seconds=5", "X-Request-Timeout", "500");
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(response.statusCode()).isEqualTo(504);
		assertThat(took).isLessThan(Duration.ofMillis(1_500));
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("code").asText()).isEqualTo("REQUEST_TIMEOUT");
		assertThat(response.body()).doesNotContain("pg_sleep").doesNotContain("SQL");
		assertThat(this.jdbc.queryForObject(
				"SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep%' AND state = 'active'",
				Integer.class))
			.as("cancelled on the server, not only abandoned")
			.isZero();
	}

	@Test
	void statementWithinItsDeadlineCompletes() {
		HttpResponse<String> response = get("/sleep?seconds=0.2", "X-Request-Timeout", "2000");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("slept");
	}

	@Test
	void transactionWithoutTimeoutGetsTheRemainingDeadline() throws Exception {
		JsonNode bounded = this.json.readTree(get("/transaction-timeout", "X-Request-Timeout", "2000").body());
		assertThat(bounded.get("bounded").asBoolean()).isTrue();
		assertThat(bounded.get("millis").asLong()).isBetween(1L, 2_000L);
		JsonNode byDefault = this.json.readTree(get("/transaction-timeout").body());
		assertThat(byDefault.get("millis").asLong()).as("hardened.request.timeout").isBetween(25_000L, 30_000L);
	}

	@Test
	void exhaustedPoolIsA503WithRetryAfter() throws Exception {
		List<Connection> held = new ArrayList<>();
		try {
			for (int i = 0; i < 4; i++) {
				held.add(this.dataSource.getConnection());
			}
			long start = System.nanoTime();
			HttpResponse<String> response = get("/one");
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat(response.headers().firstValue("Retry-After")).contains("5");
			assertThat(this.json.readTree(response.body()).get("code").asText()).isEqualTo("DEPENDENCY_UNAVAILABLE");
			assertThat(response.body()).doesNotContain("HikariPool").doesNotContain("Connection is not available");
			assertThat(took).as("connection-timeout, not Hikari's 30s").isLessThan(Duration.ofSeconds(3));
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
		assertThat(get("/one").statusCode()).isEqualTo(200);
	}

}
