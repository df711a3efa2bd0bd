package dev.hardenedboot.data.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.hardenedboot.data.pool.PoolDerivation.Check;
import dev.hardenedboot.data.pool.PoolDerivation.Status;

import org.springframework.lang.Nullable;

/**
 * The arithmetic of pool sizing and connection lifetimes, free of any pool or connection so
 * that each rule is tested on its own. Hikari's own limits shape it: it resets a
 * {@code maxLifetime} under 30s to 30 minutes, and silently disables a
 * {@code keepaliveTime} under 30s or not under {@code maxLifetime}, and a
 * {@code leakDetectionThreshold} above {@code maxLifetime}.
 */
final class PoolDeriver {

	static final Duration HIKARI_FLOOR = Duration.ofSeconds(30);

	static final Duration DEFAULT_MAX_LIFETIME = Duration.ofMinutes(30);

	/** Connections end this long before the shortest idle timeout that would cut them. */
	static final Duration MARGIN = Duration.ofSeconds(30);

	private static final Duration SHORT_SERVER_TIMEOUT = Duration.ofSeconds(60);

	private static final Duration LEAK_MINIMUM = Duration.ofSeconds(2);

	private PoolDeriver() {
	}

	/**
	 * The pool as it is configured before (or without) derivation.
	 *
	 * @param maximumPoolSize the configured size
	 * @param sizeSetByUser whether the application set the size
	 * @param minimumIdle the configured idle floor, negative when unset
	 * @param maxLifetime the configured lifetime
	 * @param keepaliveTime the configured keepalive, zero when disabled
	 * @param connectionTimeout the configured wait for a connection
	 * @param leakDetectionThreshold the configured leak threshold, zero when disabled
	 */
	record Configured(int maximumPoolSize, boolean sizeSetByUser, int minimumIdle, Duration maxLifetime,
			Duration keepaliveTime, Duration connectionTimeout, Duration leakDetectionThreshold) {
	}

	static PoolDerivation derive(String name, Configured configured, DataPoolProperties properties,
			@Nullable ServerLimits server, Duration requestTimeout) {
		List<Check> checks = new ArrayList<>();
		int size = size(configured, properties, server, checks);
		int minimumIdle = (configured.minimumIdle() < 0) ? size : Math.min(configured.minimumIdle(), size);
		Duration maxLifetime = maxLifetime(configured, properties, server, checks);
		Map.Entry<String, Duration> shortestIdle = shortestIdle(properties, server);
		Duration keepalive = keepalive(configured, maxLifetime, (shortestIdle != null) ? shortestIdle.getValue() : null,
				checks);
		Duration leak = leakDetection(configured, maxLifetime, checks);
		connectionTimeout(configured, requestTimeout, checks);
		if (server != null && server.idleInTransactionTimeout() != null) {
			checks.add(new Check("idle-in-transaction", Status.PASS, "idle_in_transaction_session_timeout="
					+ server.idleInTransactionTimeout().toSeconds() + "s ends sessions idle inside a transaction: it "
					+ "applies to borrowed connections only, so max-lifetime ignores it", "idle_in_transaction_session_timeout"));
		}
		return new PoolDerivation(name, size, minimumIdle, maxLifetime, keepalive, configured.connectionTimeout(),
				leak, server, checks);
	}

	private static int size(Configured configured, DataPoolProperties properties, @Nullable ServerLimits server,
			List<Check> checks) {
		String property = "hardened.data.pool.peak-qps, hardened.data.pool.p95-query-time";
		Integer perInstance = perInstanceLimit(properties, server);
		if (configured.sizeSetByUser()) {
			int size = configured.maximumPoolSize();
			if (perInstance != null && size > perInstance) {
				checks.add(new Check("pool-size", Status.WARN,
						"maximum-pool-size " + size + " x " + properties.getInstances() + " instances exceeds the "
								+ usableConnections(server) + " connections the server accepts",
						"spring.datasource.hikari.maximum-pool-size"));
			}
			else {
				checks.add(new Check("pool-size", Status.PASS, "maximum-pool-size " + size + " set by the application",
						"spring.datasource.hikari.maximum-pool-size"));
			}
			return size;
		}
		Double peakQps = properties.getPeakQps();
		Duration p95 = properties.getP95QueryTime();
		if (peakQps == null || p95 == null) {
			checks.add(new Check("pool-size", Status.WARN, "no workload declared: Hikari's default of "
					+ configured.maximumPoolSize() + " connections is a guess", property));
			return configured.maximumPoolSize();
		}
		double busy = 2 * peakQps * (p95.toNanos() / 1e9);
		int size = (int) Math.max(2, Math.ceil(busy));
		StringBuilder reason = new StringBuilder("ceil(2 x " + peakQps + " qps x " + p95.toMillis() + " ms) = "
				+ (int) Math.ceil(busy));
		if (size > properties.getMaxSizeCap()) {
			size = properties.getMaxSizeCap();
			reason.append(", capped at hardened.data.pool.max-size-cap=").append(size);
		}
		Status status = Status.PASS;
		if (perInstance != null && size > perInstance) {
			size = Math.max(1, perInstance);
			reason.append(", capped at ").append(size).append(" so that ").append(properties.getInstances())
				.append(" instances fit in the server's ").append(usableConnections(server)).append(" connections");
			status = (perInstance < 2) ? Status.WARN : Status.PASS;
		}
		else if (properties.getInstances() != null && server == null) {
			reason.append(" (max_connections not read yet)");
		}
		checks.add(new Check("pool-size", status, reason.toString(), property));
		return size;
	}

	@Nullable
	private static Integer perInstanceLimit(DataPoolProperties properties, @Nullable ServerLimits server) {
		Integer instances = properties.getInstances();
		if (instances == null || server == null || server.maxConnections() == null) {
			return null;
		}
		return usableConnections(server) / instances;
	}

	private static int usableConnections(@Nullable ServerLimits server) {
		return (server != null && server.maxConnections() != null)
				? Math.max(0, server.maxConnections() - server.reservedConnections()) : 0;
	}

	private static Duration maxLifetime(Configured configured, DataPoolProperties properties,
			@Nullable ServerLimits server, List<Check> checks) {
		String property = "spring.datasource.hikari.max-lifetime";
		Duration lifetime = configured.maxLifetime();
		if (lifetime.isZero() || lifetime.isNegative() || lifetime.compareTo(HIKARI_FLOOR) < 0) {
			// What Hikari itself would make of it: 0 is "infinite" and under 30s is reset.
			lifetime = DEFAULT_MAX_LIFETIME;
		}
		Map.Entry<String, Duration> shortest = shortestIdle(properties, server);
		if (shortest == null) {
			checks.add(new Check("max-lifetime", Status.PASS, "max-lifetime " + lifetime.toSeconds() + "s"
					+ ((server == null) ? " (server timeouts not read yet)" : ", no idle timeout on the server"),
					property));
			return lifetime;
		}
		Duration bound = shortest.getValue().minus(MARGIN);
		if (bound.compareTo(HIKARI_FLOOR) < 0) {
			bound = HIKARI_FLOOR;
		}
		String timeout = shortest.getKey() + "=" + shortest.getValue().toSeconds() + "s";
		if (lifetime.compareTo(bound) > 0) {
			lifetime = bound;
		}
		if (shortest.getValue().compareTo(SHORT_SERVER_TIMEOUT) < 0) {
			checks.add(new Check("max-lifetime", Status.WARN, timeout
					+ " is under 60s: Hikari cannot retire connections (30s minimum) or ping idle ones (30s minimum)"
					+ " early enough to stay clear of it; raise it, or connections will be cut while idle",
					shortest.getKey()));
		}
		else {
			checks.add(new Check("max-lifetime", Status.PASS,
					"max-lifetime " + lifetime.toSeconds() + "s, at least 30s under " + timeout, property));
		}
		return lifetime;
	}

	@Nullable
	private static Map.Entry<String, Duration> shortestIdle(DataPoolProperties properties,
			@Nullable ServerLimits server) {
		Map.Entry<String, Duration> shortest = (properties.getNetworkIdleTimeout() != null)
				? Map.entry("hardened.data.pool.network-idle-timeout", properties.getNetworkIdleTimeout()) : null;
		if (server != null) {
			for (Map.Entry<String, Duration> timeout : server.idleTimeouts().entrySet()) {
				if (shortest == null || timeout.getValue().compareTo(shortest.getValue()) < 0) {
					shortest = timeout;
				}
			}
		}
		return shortest;
	}

	private static Duration keepalive(Configured configured, Duration maxLifetime, @Nullable Duration shortestIdle,
			List<Check> checks) {
		String property = "spring.datasource.hikari.keepalive-time";
		Duration keepalive = configured.keepaliveTime();
		if (keepalive.isZero() || keepalive.isNegative()) {
			if (shortestIdle != null) {
				checks.add(new Check("keepalive-time", Status.WARN,
						"keepalive is disabled although an idle timeout of " + shortestIdle.toSeconds()
								+ "s applies: idle connections will be cut",
						property));
			}
			return Duration.ZERO;
		}
		if (shortestIdle != null) {
			// Pinged at least twice per idle timeout, so one late ping never loses the connection.
			Duration half = shortestIdle.dividedBy(2);
			if (keepalive.compareTo(half) > 0) {
				keepalive = half;
			}
		}
		if (keepalive.compareTo(HIKARI_FLOOR) < 0) {
			keepalive = HIKARI_FLOOR;
		}
		if (keepalive.compareTo(maxLifetime) >= 0) {
			checks.add(new Check("keepalive-time", Status.WARN, "keepalive must be at least 30s and under max-lifetime "
					+ maxLifetime.toSeconds() + "s; Hikari would disable it, so it is off", property));
			return Duration.ZERO;
		}
		checks.add(new Check("keepalive-time", Status.PASS, "idle connections pinged every " + keepalive.toSeconds()
				+ "s" + ((shortestIdle != null) ? ", under half of the " + shortestIdle.toSeconds() + "s idle timeout"
						: ""),
				property));
		return keepalive;
	}

	private static Duration leakDetection(Configured configured, Duration maxLifetime, List<Check> checks) {
		String property = "spring.datasource.hikari.leak-detection-threshold";
		Duration leak = configured.leakDetectionThreshold();
		if (leak.isZero() || leak.isNegative()) {
			checks.add(new Check("leak-detection", Status.WARN,
					"leak detection is off: a connection never returned goes unnoticed", property));
			return Duration.ZERO;
		}
		if (leak.compareTo(maxLifetime) >= 0) {
			leak = maxLifetime.minusSeconds(1);
		}
		if (leak.compareTo(LEAK_MINIMUM) < 0) {
			leak = LEAK_MINIMUM;
		}
		checks.add(new Check("leak-detection", Status.PASS,
				"a connection held over " + leak.toSeconds() + "s is logged as a leak, naming the thread that took it",
				property));
		return leak;
	}

	private static void connectionTimeout(Configured configured, Duration requestTimeout, List<Check> checks) {
		String property = "spring.datasource.hikari.connection-timeout";
		Duration timeout = configured.connectionTimeout();
		if (timeout.compareTo(requestTimeout) >= 0) {
			checks.add(new Check("connection-timeout", Status.WARN, "a request waits up to " + timeout.toMillis()
					+ " ms for a connection, not less than its whole deadline of " + requestTimeout.toMillis() + " ms",
					property));
		}
		else {
			checks.add(new Check("connection-timeout", Status.PASS, "a request waits at most " + timeout.toMillis()
					+ " ms for a connection, within its deadline of " + requestTimeout.toMillis() + " ms", property));
		}
	}

}
