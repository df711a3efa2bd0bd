package dev.hardenedboot.benchmarks.jmh.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.hardenedboot.core.context.Deadline;
import dev.hardenedboot.core.context.RequestContext;
import dev.hardenedboot.data.query.StatementLedgers;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * One prepared statement through HikariCP, per operation, with the listeners starter-data
 * installs beneath the pool: the repeated-query counter and the statement deadline hook, alone
 * and together, against the same pool without the starter's JDBC features. The driver is a stub
 * that answers at once, so the difference between the variants is the proxy and the listeners.
 *
 * <p>Each invocation is one request: a request context with a 30 s deadline and a statement
 * ledger, as the filters open them, and {@value #STATEMENTS} statements of the same shape (a
 * request under the repeated-query threshold), so the ledger's cost is spread as in a request.
 */
@State(Scope.Thread)
public class StatementListenersBenchmark {

	static final int STATEMENTS = 5;

	/**
	 * {@code plain-hikari}: starter-data's JDBC features off, the pool hands out the driver's
	 * connections; {@code proxy}: datasource-proxy beneath the pool with only the pool tuner's
	 * first-connection listener and the JDBC tracing listener (no span: nothing is observed
	 * here); then each statement listener alone; {@code hardened}: the defaults, everything on.
	 */
	@Param({ "plain-hikari", "proxy", "repeated-query", "statement-deadline", "hardened" })
	public String listeners;

	private ConfigurableApplicationContext context;

	private DataSource dataSource;

	private boolean counter;

	private boolean deadline;

	/** Statements the ledger counted in the last request, checked at the end of the trial. */
	private int counted;

	@Setup(Level.Trial)
	public void startContext() {
		this.counter = this.listeners.equals("repeated-query") || this.listeners.equals("hardened");
		this.deadline = this.listeners.equals("statement-deadline") || this.listeners.equals("hardened");
		boolean proxied = !this.listeners.equals("plain-hikari");
		this.context = new SpringApplicationBuilder(StatementApplication.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN",
					"hardened.data.repeated-query.enabled=" + this.counter,
					"hardened.data.statement.enabled=" + this.deadline, "hardened.data.pool.enabled=" + proxied,
					"hardened.data.tracing.enabled=" + proxied)
			.run();
		this.dataSource = this.context.getBean(DataSource.class);
		boolean isProxied = ((HikariDataSource) this.dataSource).getDataSource() instanceof ProxyDataSource;
		if (isProxied != proxied) {
			throw new IllegalStateException(this.listeners + ": the pool's data source is " + (isProxied ? "" : "not ")
					+ "proxied");
		}
	}

	/**
	 * Fails the trial when a variant did not measure what it claims: the counter counted every
	 * statement or none, the deadline bounded every statement or none.
	 */
	@TearDown(Level.Trial)
	public void closeContext() {
		long bounded = StubJdbc.queryTimeoutsSet();
		this.context.close();
		if (this.counted != (this.counter ? STATEMENTS : 0)) {
			throw new IllegalStateException(this.listeners + ": the ledger counted " + this.counted + " statements");
		}
		if ((bounded > 0) != this.deadline) {
			throw new IllegalStateException(this.listeners + ": " + bounded + " statements got a query timeout");
		}
	}

	@Benchmark
	@OperationsPerInvocation(STATEMENTS)
	public long request() throws SQLException {
		Deadline deadline = Deadline.after(Duration.ofSeconds(30));
		StatementLedgers.Ledger ledger = StatementLedgers.open();
		long sum = 0;
		try (RequestContext.Scope scope = RequestContext.bind(RequestContext.of("bench").withDeadline(deadline))) {
			for (int i = 0; i < STATEMENTS; i++) {
				sum += queryOnce(i);
			}
		}
		finally {
			this.counted = ledger.close();
		}
		return sum;
	}

	private long queryOnce(long id) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement statement = connection.prepareStatement("select price from prices where id = ?")) {
			statement.setLong(1, id);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getLong(1) : 0;
			}
		}
	}

	@SpringBootApplication
	static class StatementApplication {

		@Bean
		HikariDataSource dataSource() {
			HikariDataSource pool = new HikariDataSource();
			pool.setPoolName("bench");
			pool.setDataSource(StubJdbc.dataSource());
			pool.setMaximumPoolSize(2);
			return pool;
		}

	}

}
