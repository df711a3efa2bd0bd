package dev.hardenedboot.data.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The deep {@code writableTables} check: each configured table probed with a write that
 * changes nothing, {@code DELETE FROM t WHERE 1 = 0}, in a transaction that is always
 * rolled back. The database checks the table exists, the DELETE privilege, and that neither
 * the session nor the server is read-only; on PostgreSQL the INSERT and UPDATE privileges
 * are checked as well, with {@code has_table_privilege}. A lock wait is bounded (PostgreSQL's
 * {@code lock_timeout}, local to the transaction), so a long DDL makes the check DOWN rather
 * than stuck.
 */
class WritableTablesHealthIndicator extends AbstractHealthIndicator {

	private static final int QUERY_TIMEOUT_SECONDS = 2;

	private final DataSource dataSource;

	private final List<String> tables;

	WritableTablesHealthIndicator(DataSource dataSource, List<String> tables) {
		super("Writable tables check failed");
		this.dataSource = dataSource;
		this.tables = List.copyOf(tables);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		if (this.tables.isEmpty()) {
			builder.up().withDetail("tables", "none configured (hardened.health.deep.writable-tables)");
			return;
		}
		Map<String, String> results = new LinkedHashMap<>();
		try (Connection connection = this.dataSource.getConnection()) {
			boolean postgres = connection.getMetaData()
				.getDatabaseProductName()
				.toLowerCase(Locale.ROOT)
				.contains("postgresql");
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try {
				for (String table : this.tables) {
					results.put(table, probe(connection, table, postgres));
					connection.rollback();
				}
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(autoCommit);
			}
		}
		boolean allWritable = results.values().stream().allMatch("writable"::equals);
		(allWritable ? builder.up() : builder.down()).withDetail("tables", results);
	}

	private static String probe(Connection connection, String table, boolean postgres) {
		try (Statement statement = connection.createStatement()) {
			statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
			if (postgres) {
				statement.execute("SET LOCAL lock_timeout = '1s'");
				String missing = missingPostgresPrivileges(connection, table);
				if (missing != null) {
					return missing;
				}
			}
			// The table name is validated as an identifier when the property is bound.
			statement.executeUpdate("DELETE FROM " + table + " WHERE 1 = 0");
			return "writable";
		}
		catch (SQLException ex) {
			return "not writable: " + ex.getSQLState() + " " + firstLine(ex.getMessage());
		}
	}

	private static String missingPostgresPrivileges(Connection connection, String table) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(
				"SELECT has_table_privilege(?, 'INSERT'), has_table_privilege(?, 'UPDATE'), has_table_privilege(?, 'DELETE')")) {
			statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
			for (int i = 1; i <= 3; i++) {
				statement.setString(i, table);
			}
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				StringBuilder missing = new StringBuilder();
				String[] privileges = { "INSERT", "UPDATE", "DELETE" };
				for (int i = 0; i < privileges.length; i++) {
					if (!row.getBoolean(i + 1)) {
						missing.append(missing.isEmpty() ? "" : ", ").append(privileges[i]);
					}
				}
				return missing.isEmpty() ? null : "not writable: no " + missing + " privilege";
			}
		}
	}

	private static String firstLine(String message) {
		if (message == null) {
			return "";
		}
		int newline = message.indexOf('\n');
		return (newline >= 0) ? message.substring(0, newline) : message;
	}

}
