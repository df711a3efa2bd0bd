package dev.hardenedboot.data.health;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * The deep {@code hikariPool} check: DOWN when more threads wait for a connection than
 * {@code hardened.data.health.max-threads-awaiting-connection}, the moment the pool rather
 * than the database becomes the bottleneck, before requests time out on it.
 */
class HikariPoolHealthIndicator extends AbstractHealthIndicator {

	private final HikariDataSource pool;

	private final int maxAwaiting;

	HikariPoolHealthIndicator(HikariDataSource pool, int maxAwaiting) {
		super("Pool check failed");
		this.pool = pool;
		this.maxAwaiting = maxAwaiting;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		HikariPoolMXBean running = this.pool.getHikariPoolMXBean();
		if (running == null) {
			builder.unknown().withDetail("reason", "the pool has not opened a connection yet");
			return;
		}
		int awaiting = running.getThreadsAwaitingConnection();
		(awaiting > this.maxAwaiting ? builder.down() : builder.up()).withDetail("active", running.getActiveConnections())
			.withDetail("idle", running.getIdleConnections())
			.withDetail("total", running.getTotalConnections())
			.withDetail("max", this.pool.getMaximumPoolSize())
			.withDetail("threadsAwaitingConnection", awaiting)
			.withDetail("maxThreadsAwaitingConnection", this.maxAwaiting);
	}

}
