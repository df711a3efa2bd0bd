package dev.hardenedboot.data.pool;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.lang.Nullable;

/**
 * One pool's derivation applied: first from the configuration alone, then once more when the
 * server's limits have been read on the pool's first successful connection. Hikari reads its
 * size, lifetime, keepalive and leak threshold again for every connection it opens, so the
 * second application needs no restart.
 */
class PoolTuning {

	private static final Log logger = LogFactory.getLog(PoolTuning.class);

	private final String name;

	private final HikariDataSource pool;

	private final PoolDeriver.Configured configured;

	private final DataPoolProperties properties;

	private final Duration requestTimeout;

	private final PoolDerivations derivations;

	@Nullable
	private final BorrowTracker borrowTracker;

	private final AtomicBoolean inspected = new AtomicBoolean();

	PoolTuning(String name, HikariDataSource pool, boolean sizeSetByUser, DataPoolProperties properties,
			Duration requestTimeout, PoolDerivations derivations, @Nullable BorrowTracker borrowTracker) {
		this.name = name;
		this.pool = pool;
		this.configured = new PoolDeriver.Configured(pool.getMaximumPoolSize(), sizeSetByUser, pool.getMinimumIdle(),
				Duration.ofMillis(pool.getMaxLifetime()), Duration.ofMillis(pool.getKeepaliveTime()),
				Duration.ofMillis(pool.getConnectionTimeout()), Duration.ofMillis(pool.getLeakDetectionThreshold()));
		this.properties = properties;
		this.requestTimeout = requestTimeout;
		this.derivations = derivations;
		this.borrowTracker = borrowTracker;
	}

	HikariDataSource pool() {
		return this.pool;
	}

	boolean isInspected() {
		return this.inspected.get();
	}

	/**
	 * Applies what can be derived without the server, before the pool opens a connection.
	 */
	void applyConfigured() {
		apply(null, false);
	}

	/**
	 * Logs the derivation made without the server, when the server could not be reached.
	 */
	void logUnchecked() {
		this.derivations.get(this.name).ifPresent(this::log);
	}

	/**
	 * Reads the server's limits on {@code connection}, once, and applies the derivation.
	 * @param connection a connection the pool just opened
	 */
	void inspect(Connection connection) {
		if (!this.inspected.compareAndSet(false, true)) {
			return;
		}
		ServerLimits limits;
		try {
			limits = ServerLimitsReader.read(connection);
		}
		catch (SQLException | RuntimeException ex) {
			// Retried on the next connection: a pool without checked lifetimes is worse than a
			// second attempt.
			this.inspected.set(false);
			logger.warn("Could not read the server's timeouts for pool '" + this.name + "': " + ex.getMessage());
			return;
		}
		if (limits == null) {
			logger.info("Pool '" + this.name + "': the server's idle timeouts are not known for this database; "
					+ "declare hardened.data.pool.network-idle-timeout if one applies");
		}
		PoolDerivation previous = this.derivations.get(this.name).orElse(null);
		PoolDerivation derivation = apply(limits, true);
		HikariPoolMXBean running = this.pool.getHikariPoolMXBean();
		if (running != null && previous != null && !previous.maxLifetime().equals(derivation.maxLifetime())) {
			// Connections opened before the limits were known carry the longer lifetime.
			running.softEvictConnections();
		}
	}

	private PoolDerivation apply(@Nullable ServerLimits limits, boolean log) {
		PoolDerivation derivation = PoolDeriver.derive(this.name, this.configured, this.properties, limits,
				this.requestTimeout);
		this.pool.setMaximumPoolSize(derivation.maximumPoolSize());
		this.pool.setMinimumIdle(derivation.minimumIdle());
		this.pool.setMaxLifetime(derivation.maxLifetime().toMillis());
		this.pool.setKeepaliveTime(derivation.keepaliveTime().toMillis());
		if (this.borrowTracker != null) {
			// The tracker detects leaks in Hikari's place; both would report each one.
			this.borrowTracker.threshold(derivation.leakDetectionThreshold());
			this.pool.setLeakDetectionThreshold(0);
		}
		else {
			this.pool.setLeakDetectionThreshold(derivation.leakDetectionThreshold().toMillis());
		}
		this.derivations.record(derivation);
		if (log) {
			log(derivation);
		}
		return derivation;
	}

	private void log(PoolDerivation derivation) {
		StringBuilder message = new StringBuilder("Pool '").append(derivation.dataSource())
			.append("': maximumPoolSize=")
			.append(derivation.maximumPoolSize())
			.append(", minimumIdle=")
			.append(derivation.minimumIdle())
			.append(", maxLifetime=")
			.append(derivation.maxLifetime().toSeconds())
			.append("s, keepaliveTime=")
			.append(derivation.keepaliveTime().toSeconds())
			.append("s, connectionTimeout=")
			.append(derivation.connectionTimeout().toMillis())
			.append("ms, leakDetectionThreshold=")
			.append(derivation.leakDetectionThreshold().toSeconds())
			.append('s');
		if (this.borrowTracker != null && !derivation.leakDetectionThreshold().isZero()) {
			message.append(" (borrows tracked; stacks recorded from the first leak on)");
		}
		message.append(derivation.serverChecked() ? " (checked against " + derivation.server().product() + ")"
				: " (server not checked yet)");
		for (PoolDerivation.Check check : derivation.checks()) {
			message.append("\n  ")
				.append(check.status())
				.append(' ')
				.append(check.name())
				.append(": ")
				.append(check.reason())
				.append(" [")
				.append(check.property())
				.append(']');
		}
		// A guessed pool size is the hardening report's to flag; lifetimes the server will cut
		// and waits longer than the request deadline are worth a WARN in the log.
		boolean serious = derivation.checks()
			.stream()
			.anyMatch((check) -> check.status() == PoolDerivation.Status.WARN && !check.name().equals("pool-size")
					&& !check.name().equals("leak-detection"));
		if (serious) {
			logger.warn(message);
		}
		else {
			logger.info(message);
		}
	}

}
