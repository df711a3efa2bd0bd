package dev.hardenedboot.data.pool;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest {@link PoolDerivation} of every HikariCP pool in the context, by bean name: the
 * source of the start-up log and of the hardening report's pool checks. A derivation is
 * replaced once the server's limits have been read, which may be after start-up when the
 * database was unreachable then.
 */
public class PoolDerivations {

	private final Map<String, PoolDerivation> derivations = new ConcurrentHashMap<>();

	/**
	 * Every pool's latest derivation.
	 * @return the derivations by bean name, a snapshot
	 */
	public Map<String, PoolDerivation> all() {
		return Map.copyOf(this.derivations);
	}

	/**
	 * One pool's latest derivation.
	 * @param dataSource the bean name of the pool
	 * @return the derivation, empty for an unknown pool
	 */
	public Optional<PoolDerivation> get(String dataSource) {
		return Optional.ofNullable(this.derivations.get(dataSource));
	}

	void record(PoolDerivation derivation) {
		this.derivations.put(derivation.dataSource(), derivation);
	}

}
