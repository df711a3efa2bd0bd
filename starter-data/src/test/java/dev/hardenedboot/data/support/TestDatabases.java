package dev.hardenedboot.data.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import dev.hardenedboot.testsupport.JdbcService;

/**
 * Statements run on a test server as its administrator, for tests that need their own
 * database or role with server settings: never a global server change.
 */
public final class TestDatabases {

	private TestDatabases() {
	}

	public static String uniqueName(String prefix) {
		return prefix + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
	}

	public static void execute(JdbcService service, String... sql) {
		try (Connection connection = DriverManager.getConnection(service.server().url());
				Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static void executeInTestDatabase(JdbcService service, String... sql) {
		executeOn(service.jdbcUrl(), sql);
	}

	public static void executeOn(String jdbcUrl, String... sql) {
		try (Connection connection = DriverManager.getConnection(jdbcUrl);
				Statement statement = connection.createStatement()) {
			for (String each : sql) {
				statement.execute(each);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The server's URL pointed at another database, credentials kept.
	 */
	public static String urlFor(JdbcService service, String database) {
		return service.jdbcUrl().replace("/" + service.database() + "?", "/" + database + "?");
	}

}
