package dev.hardenedboot.data.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.hardenedboot.core.report.HardeningCheck;
import dev.hardenedboot.core.report.HardeningFinding;
import dev.hardenedboot.data.pool.DataPoolProperties;
import dev.hardenedboot.data.pool.PoolDerivation;
import dev.hardenedboot.data.pool.PoolDerivations;
import dev.hardenedboot.data.pool.ServerLimits;

import org.springframework.lang.Nullable;

/**
 * Every pool's derivation as the report lists it: the pool starter has already sized the pool,
 * bounded its lifetimes by the server's idle timeouts and compared its waits with the request
 * deadline, so this check only translates its verdicts, and adds the one sum the derivation
 * does not refuse on its own: a size set by the application across all instances against the
 * server's {@code max_connections}.
 */
class PoolCheck implements HardeningCheck {

	/** The derivation's check names and the report's ids for them. */
	private static final Map<String, String> IDS = Map.of("pool-size", "pool.size", "max-lifetime", "pool.lifetime",
			"keepalive-time", "pool.keepalive", "leak-detection", "pool.leak-detection", "connection-timeout",
			"pool.connection-timeout", "idle-in-transaction", "pool.idle-in-transaction");

	private final PoolDerivations derivations;

	private final DataPoolProperties properties;

	PoolCheck(PoolDerivations derivations, DataPoolProperties properties) {
		this.derivations = derivations;
		this.properties = properties;
	}

	@Override
	public List<HardeningFinding> check() {
		List<HardeningFinding> findings = new ArrayList<>();
		this.derivations.all().values().forEach((derivation) -> {
			String pool = "Pool '" + derivation.dataSource() + "': ";
			for (PoolDerivation.Check check : derivation.checks()) {
				String id = IDS.getOrDefault(check.name(), "pool." + check.name());
				findings.add((check.status() == PoolDerivation.Status.PASS)
						? HardeningFinding.pass("data", id, pool + check.reason() + ".")
						: HardeningFinding.warn("data", id, pool + check.reason() + ".", fix(check)));
			}
			HardeningFinding connections = maxConnections(pool, derivation);
			if (connections != null) {
				findings.add(connections);
			}
		});
		return findings;
	}

	private static String fix(PoolDerivation.Check check) {
		if (check.property().contains("hardened.data.pool.peak-qps")) {
			return "Declare the workload with hardened.data.pool.peak-qps and hardened.data.pool.p95-query-time "
					+ "(the pool is then sized 2 x qps x p95), or set spring.datasource.hikari.maximum-pool-size; "
					+ "see docs/data.md.";
		}
		return "Set " + check.property() + "; see docs/data.md.";
	}

	@Nullable
	private HardeningFinding maxConnections(String pool, PoolDerivation derivation) {
		Integer instances = this.properties.getInstances();
		if (instances == null) {
			// Without the number of instances there is no sum to make.
			return null;
		}
		ServerLimits server = derivation.server();
		if (server == null || server.maxConnections() == null) {
			return HardeningFinding.warn("data", "pool.max-connections", pool + instances + " instances x "
					+ derivation.maximumPoolSize() + " connections could not be compared with the server's "
					+ "max_connections: " + ((server == null) ? "no connection has succeeded yet"
							: server.product() + " does not say"),
					"Check that the database is reachable; see docs/data.md.");
		}
		int usable = Math.max(0, server.maxConnections() - server.reservedConnections());
		long total = (long) instances * derivation.maximumPoolSize();
		String sum = instances + " instances x " + derivation.maximumPoolSize() + " connections = " + total
				+ ", the server accepts " + usable + " (max_connections " + server.maxConnections() + " minus "
				+ server.reservedConnections() + " reserved)";
		if (total > usable) {
			return HardeningFinding.fail("data", "pool.max-connections", pool + sum
					+ ": at peak the last instances are refused connections.",
					"Lower spring.datasource.hikari.maximum-pool-size to at most " + (usable / instances)
							+ " (or unset it and declare hardened.data.pool.peak-qps), or raise max_connections.");
		}
		return HardeningFinding.pass("data", "pool.max-connections", pool + sum + ".");
	}

}
