package dev.hardenedboot.data.pool;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.lang.Nullable;

/**
 * Reads {@link ServerLimits} from PostgreSQL, MariaDB or MySQL. The session's own values are
 * read, because those are what apply to the pool's connections: a database- or role-level
 * {@code ALTER ... SET} on PostgreSQL and {@code sessionVariables} on MariaDB change them.
 */
final class ServerLimitsReader {

	private static final int QUERY_TIMEOUT_SECONDS = 5;

	private ServerLimitsReader() {
	}

	/**
	 * The server's limits, or {@code null} for a database this reader does not know.
	 */
	@Nullable
	static ServerLimits read(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName();
		String lower = product.toLowerCase(java.util.Locale.ROOT);
		if (lower.contains("postgresql")) {
			return readPostgres(connection, product);
		}
		if (lower.contains("mariadb") || lower.contains("mysql")) {
			return readMysql(connection, product);
		}
		return null;
	}

	private static ServerLimits readPostgres(Connection connection, String product) throws SQLException {
		Map<String, String> settings = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement()) {
			statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
			// pg_settings reports the session's values, in each setting's own unit (ms here).
			try (ResultSet rows = statement.executeQuery("SELECT name, setting FROM pg_settings WHERE name IN "
					+ "('idle_session_timeout', 'idle_in_transaction_session_timeout', 'max_connections', "
					+ "'superuser_reserved_connections', 'reserved_connections')")) {
				while (rows.next()) {
					settings.put(rows.getString(1), rows.getString(2));
				}
			}
		}
		Map<String, Duration> idle = new LinkedHashMap<>();
		Duration idleSession = millis(settings.get("idle_session_timeout"));
		if (idleSession != null) {
			idle.put("idle_session_timeout", idleSession);
		}
		int reserved = integer(settings.get("superuser_reserved_connections"))
				+ integer(settings.get("reserved_connections"));
		String maxConnections = settings.get("max_connections");
		return new ServerLimits(product, idle, millis(settings.get("idle_in_transaction_session_timeout")),
				(maxConnections != null) ? Integer.valueOf(maxConnections) : null, reserved);
	}

	private static ServerLimits readMysql(Connection connection, String product) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
			try (ResultSet row = statement.executeQuery("SELECT @@session.wait_timeout, @@global.max_connections")) {
				row.next();
				long waitSeconds = row.getLong(1);
				// MySQL and MariaDB keep one extra slot for an administrator beyond
				// max_connections, so none of max_connections is reserved.
				return new ServerLimits(product,
						(waitSeconds > 0) ? Map.of("wait_timeout", Duration.ofSeconds(waitSeconds)) : Map.of(), null,
						row.getInt(2), 0);
			}
		}
	}

	@Nullable
	private static Duration millis(@Nullable String value) {
		if (value == null) {
			return null;
		}
		long millis = Long.parseLong(value);
		return (millis > 0) ? Duration.ofMillis(millis) : null;
	}

	private static int integer(@Nullable String value) {
		return (value != null) ? Integer.parseInt(value) : 0;
	}

}
