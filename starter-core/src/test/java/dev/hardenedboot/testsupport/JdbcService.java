package dev.hardenedboot.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A relational database for integration tests: a fresh, empty database created on the
 * located server once per JVM, so Flyway migrations and schema tests never see another
 * module's (or an earlier run's) tables, and dropped when the JVM exits.
 */
public final class JdbcService {

	private static final String DATABASE_PREFIX = "hb_test_";

	private final ServiceAddress server;

	private final String database;

	private final String jdbcUrl;

	private JdbcService(ServiceAddress server, String database) {
		this.server = server;
		this.database = database;
		this.jdbcUrl = JdbcUrls.withDatabase(server.url(), database);
	}

	static JdbcService createFreshDatabase(ServiceAddress server) {
		String database = DATABASE_PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
		JdbcService service = new JdbcService(server, database);
		service.execute("CREATE DATABASE " + service.quotedDatabase());
		Runtime.getRuntime().addShutdownHook(new Thread(service::dropDatabase, "drop-" + database));
		return service;
	}

	/**
	 * The JDBC URL of this JVM's fresh database, credentials included as parameters.
	 * @return the JDBC URL
	 */
	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	public String username() {
		return JdbcUrls.queryParameter(this.jdbcUrl, "user");
	}

	public String password() {
		String password = JdbcUrls.queryParameter(this.jdbcUrl, "password");
		return (password != null) ? password : "";
	}

	public String database() {
		return this.database;
	}

	public ServiceAddress server() {
		return this.server;
	}

	public Connection openConnection() throws SQLException {
		return DriverManager.getConnection(this.jdbcUrl);
	}

	/**
	 * Points Spring Boot's {@code spring.datasource.*} at this database. Call it from a
	 * {@code @DynamicPropertySource} method; the values never change within a JVM, so
	 * cached application contexts stay valid.
	 * @param registry the registry of the test's dynamic properties
	 */
	public void applyTo(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", this::jdbcUrl);
		registry.add("spring.datasource.username", this::username);
		registry.add("spring.datasource.password", this::password);
	}

	private String quotedDatabase() {
		// Generated name of [a-z0-9_]: quoting only keeps both dialects' identifier rules happy.
		return (this.server.kind() == ServiceKind.POSTGRES) ? '"' + this.database + '"' : '`' + this.database + '`';
	}

	private void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(this.server.url());
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on " + this.server + describeSource()
					+ ": " + ex.getMessage(), ex);
		}
	}

	private String describeSource() {
		return (this.server.origin() == ServiceAddress.Origin.ENVIRONMENT)
				? " (check " + this.server.kind().environmentVariable() + ")" : "";
	}

	private void dropDatabase() {
		String force = (this.server.kind() == ServiceKind.POSTGRES) ? " WITH (FORCE)" : "";
		try {
			execute("DROP DATABASE IF EXISTS " + quotedDatabase() + force);
		}
		catch (RuntimeException ex) {
			// Best effort at JVM exit: a leftover test database is harmless, a hang is not.
		}
	}

}
