package dev.hardenedboot.data.pool;

/**
 * Derivations recorded as the pool tuner records them, for tests of their readers in other
 * packages.
 */
public final class RecordedPoolDerivations {

	private RecordedPoolDerivations() {
	}

	public static PoolDerivations of(PoolDerivation... derivations) {
		PoolDerivations recorded = new PoolDerivations();
		for (PoolDerivation derivation : derivations) {
			recorded.record(derivation);
		}
		return recorded;
	}

}
