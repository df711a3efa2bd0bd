package dev.hardenedboot.data.health;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The deep {@code databaseReadOnly} check: DOWN when the database would refuse writes: a
 * PostgreSQL standby ({@code pg_is_in_recovery()}) or read-only sessions
 * ({@code transaction_read_only}, as {@code default_transaction_read_only} sets it), a
 * MySQL or MariaDB server with {@code read_only} or {@code innodb_read_only}. A failover that
 * left the service on a replica shows here, not only in the errors of its writes.
 */
class DatabaseReadOnlyHealthIndicator extends AbstractHealthIndicator {

	private static final int QUERY_TIMEOUT_SECONDS = 2;

	private final DataSource dataSource;

	DatabaseReadOnlyHealthIndicator(DataSource dataSource) {
		super("Database read-only check failed");
		this.dataSource = dataSource;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			String product = connection.getMetaData().getDatabaseProductName();
			String lower = product.toLowerCase(Locale.ROOT);
			builder.withDetail("database", product);
			if (lower.contains("postgresql")) {
				check(connection, builder,
						"SELECT pg_is_in_recovery(), current_setting('transaction_read_only') = 'on'",
						"the server is a standby in recovery", "sessions are read-only (transaction_read_only)");
			}
			else if (lower.contains("mariadb") || lower.contains("mysql")) {
				check(connection, builder, "SELECT @@global.read_only, @@global.innodb_read_only",
						"the server is read_only", "InnoDB is innodb_read_only");
			}
			else {
				builder.unknown().withDetail("reason", "read-only detection is not known for this database");
			}
		}
	}

	private static void check(Connection connection, Health.Builder builder, String sql, String first, String second)
			throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
			try (ResultSet row = statement.executeQuery(sql)) {
				row.next();
				if (row.getBoolean(1)) {
					builder.down().withDetail("reason", first);
				}
				else if (row.getBoolean(2)) {
					builder.down().withDetail("reason", second);
				}
				else {
					builder.up().withDetail("readOnly", false);
				}
			}
		}
	}

}
