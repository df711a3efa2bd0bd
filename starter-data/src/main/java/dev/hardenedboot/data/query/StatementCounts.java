package dev.hardenedboot.data.query;

import java.util.stream.Collectors;

/**
 * Test assertions on the statements a block of code runs on the calling thread, through any
 * pool Hardened Boot instruments:
 *
 * <pre class="code">
 * StatementCounts.assertAtMost(2, () -&gt; orders.findAllWithLines());
 * </pre>
 */
public final class StatementCounts {

	private StatementCounts() {
	}

	/**
	 * Runs {@code block} and fails when it ran more than {@code max} statements.
	 * @param max the most statements allowed
	 * @param block the code under test
	 * @throws AssertionError naming the statements, by shape, when there were more
	 */
	public static void assertAtMost(int max, Block block) {
		StatementLedger ledger = run(block);
		if (ledger.total() > max) {
			throw new AssertionError("Expected at most " + max + " statements but " + ledger.total() + " ran:\n"
					+ ledger.repeatedAbove(0)
						.stream()
						.map((shape) -> "  " + shape.count() + " x " + shape.shape())
						.collect(Collectors.joining("\n")));
		}
	}

	/**
	 * Runs {@code block} and counts the statements it ran.
	 * @param block the code under test
	 * @return the count
	 */
	public static int count(Block block) {
		return run(block).total();
	}

	private static StatementLedger run(Block block) {
		StatementLedger ledger = StatementLedger.open();
		try {
			block.run();
		}
		catch (RuntimeException | Error ex) {
			throw ex;
		}
		catch (Throwable ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			ledger.close();
		}
		return ledger;
	}

	/**
	 * Code under test; may throw.
	 */
	@FunctionalInterface
	public interface Block {

		void run() throws Throwable;

	}

}
