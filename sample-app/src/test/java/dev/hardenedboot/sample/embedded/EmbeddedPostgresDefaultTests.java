package dev.hardenedboot.sample.embedded;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no database configured, the sample starts its own PostgreSQL and serves orders from
 * it: what a fresh machine with only a JDK sees.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class EmbeddedPostgresDefaultTests {

	@Autowired
	private EmbeddedPostgres postgres;

	@Autowired
	private DatabaseLink link;

	@Autowired
	private DataSource dataSource;

	@LocalServerPort
	private int port;

	@Test
	void ordersAreServedFromTheEmbeddedDatabase() {
		assertThat(this.dataSource).isInstanceOf(HikariDataSource.class);
		// Through the link that PUT /database/faults can cut, which relays to the database.
		assertThat(((HikariDataSource) this.dataSource).getJdbcUrl()).contains(":" + this.link.getPort() + "/");
		assertThat(this.link.getPort()).isNotEqualTo(this.postgres.getPort());
		ResponseEntity<String> response = RestClient.create("http://127.0.0.1:" + this.port)
			.get()
			.uri("/orders/1")
			.retrieve()
			.toEntity(String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).contains("ada@example.com");
	}

}
