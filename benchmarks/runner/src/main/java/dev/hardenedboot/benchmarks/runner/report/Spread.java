package dev.hardenedboot.benchmarks.runner.report;

import java.util.Collection;
import java.util.List;

/**
 * Median, minimum and maximum of a few measurements.
 * @param median the median (the mean of the middle two for an even count)
 * @param min the smallest
 * @param max the largest
 */
public record Spread(double median, double min, double max) {

	/**
	 * @param values at least one value
	 * @return their spread
	 */
	public static Spread of(Collection<Double> values) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("no values");
		}
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		double median = (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
		return new Spread(median, sorted.get(0), sorted.get(n - 1));
	}

}
