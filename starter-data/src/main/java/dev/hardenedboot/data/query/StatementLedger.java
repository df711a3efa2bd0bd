package dev.hardenedboot.data.query;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.lang.Nullable;

/**
 * The statements one unit of work (a request, or a block under test) ran, by shape. Bound to
 * the thread that does the work; statements run on other threads are not counted.
 */
public final class StatementLedger {

	private static final ThreadLocal<StatementLedger> current = new ThreadLocal<>();

	private final Map<String, Tally> byShape = new HashMap<>();

	private int total;

	/** The highest count of any one shape: most requests repeat nothing, and need no sort. */
	private int mostRepeated;

	@Nullable
	private final StatementLedger previous;

	private StatementLedger(@Nullable StatementLedger previous) {
		this.previous = previous;
	}

	/**
	 * Starts counting on the calling thread until {@link #close()}.
	 * @return the ledger
	 */
	static StatementLedger open() {
		StatementLedger ledger = new StatementLedger(current.get());
		current.set(ledger);
		return ledger;
	}

	@Nullable
	static StatementLedger current() {
		return current.get();
	}

	void close() {
		if (this.previous != null) {
			current.set(this.previous);
		}
		else {
			current.remove();
		}
	}

	/**
	 * Counts one execution of {@code shape}.
	 * @return how often the shape has run in this ledger, this execution included
	 */
	int count(String shape) {
		this.total++;
		int count = ++this.byShape.computeIfAbsent(shape, (key) -> new Tally()).count;
		this.mostRepeated = Math.max(this.mostRepeated, count);
		return count;
	}

	void addTime(String shape, long elapsedMillis) {
		Tally tally = this.byShape.get(shape);
		if (tally != null) {
			tally.millis += elapsedMillis;
		}
	}

	/**
	 * All statements run.
	 * @return the count
	 */
	public int total() {
		return this.total;
	}

	/**
	 * The shapes run more often than {@code threshold}, most frequent first.
	 */
	List<Repeated> repeatedAbove(int threshold) {
		if (this.mostRepeated <= threshold) {
			return List.of();
		}
		return this.byShape.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().count > threshold)
			.map((entry) -> new Repeated(entry.getKey(), entry.getValue().count, entry.getValue().millis))
			.sorted(Comparator.comparingInt(Repeated::count).reversed())
			.toList();
	}

	/**
	 * One statement shape run more often than allowed.
	 *
	 * @param shape the normalized SQL
	 * @param count how often it ran
	 * @param millis the total time it took
	 */
	record Repeated(String shape, int count, long millis) {
	}

	private static final class Tally {

		private int count;

		private long millis;

	}

}
