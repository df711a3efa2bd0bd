package dev.hardenedboot.core.config;

import java.util.Collection;

import org.springframework.lang.Nullable;

/**
 * Levenshtein distance, for "did you mean" over property names.
 */
final class EditDistance {

	private EditDistance() {
	}

	/**
	 * The candidate closest to {@code wanted}, when one is close enough to be a likely typo.
	 */
	@Nullable
	static String nearest(String wanted, Collection<String> candidates) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : candidates) {
			int distance = between(wanted, candidate);
			if (distance < bestDistance) {
				bestDistance = distance;
				best = candidate;
			}
		}
		int tolerance = Math.max(2, wanted.length() / 4);
		return (best != null && bestDistance <= tolerance) ? best : null;
	}

	static int between(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
