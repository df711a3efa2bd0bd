package dev.hardenedboot.data.health;

import java.sql.Connection;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The {@code db} readiness check: a connection borrowed through the pool, validated with
 * {@code Connection.isValid(limit)}. Boot's own check calls {@code isValid(0)}, which JDBC
 * reads as "wait forever" on a database that accepts the connection and never answers.
 */
class ConnectionValidHealthIndicator extends AbstractHealthIndicator {

	private final DataSource dataSource;

	private final int timeoutSeconds;

	ConnectionValidHealthIndicator(DataSource dataSource, Duration timeout) {
		super("Database connection check failed");
		this.dataSource = dataSource;
		this.timeoutSeconds = (int) Math.max(1, timeout.toSeconds());
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			boolean valid = connection.isValid(this.timeoutSeconds);
			builder.status(valid ? org.springframework.boot.actuate.health.Status.UP
					: org.springframework.boot.actuate.health.Status.DOWN)
				.withDetail("database", connection.getMetaData().getDatabaseProductName())
				.withDetail("validation", "isValid(" + this.timeoutSeconds + ")");
		}
	}

}
