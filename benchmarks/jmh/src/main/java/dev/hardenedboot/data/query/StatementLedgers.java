package dev.hardenedboot.data.query;

/**
 * Opens a {@link StatementLedger} for the benchmarks, as {@link RepeatedQueryFilter} does for a
 * request. It lives in the ledger's package because the ledger is not public API; the
 * benchmark module is on the class path, not a module, so the split package is harmless.
 */
public final class StatementLedgers {

	private StatementLedgers() {
	}

	/**
	 * Starts counting statements on the calling thread.
	 * @return the open ledger
	 */
	public static Ledger open() {
		return new Ledger(StatementLedger.open());
	}

	/**
	 * An open ledger.
	 */
	public static final class Ledger {

		private final StatementLedger ledger;

		private Ledger(StatementLedger ledger) {
			this.ledger = ledger;
		}

		/**
		 * Stops counting.
		 * @return how many statements were counted
		 */
		public int close() {
			this.ledger.close();
			return this.ledger.total();
		}

	}

}
