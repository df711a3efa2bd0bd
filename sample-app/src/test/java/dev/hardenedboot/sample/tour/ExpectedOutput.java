package dev.hardenedboot.sample.tour;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An expected output as the walkthrough writes it: the text as printed, where {@code ...}
 * stands for anything left out (a line of its own: any number of lines), and {@code <hex>},
 * {@code <n>} and {@code <timestamp>} for values that differ on every run.
 */
final class ExpectedOutput {

	private static final Pattern TOKEN = Pattern.compile("\\.\\.\\.|<hex>|<n>|<timestamp>");

	private static final Map<String, String> PLACEHOLDERS = Map.of("...", ".*", "<hex>", "[0-9a-f]+", "<n>",
			"-?[0-9]+(?:\\.[0-9]+)?(?:E-?[0-9]+)?", "<timestamp>",
			"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?Z");

	private ExpectedOutput() {
	}

	/**
	 * @param expected one expected line
	 * @return the pattern the whole actual line must match
	 */
	static Pattern line(String expected) {
		StringBuilder regex = new StringBuilder();
		Matcher token = TOKEN.matcher(expected);
		int last = 0;
		while (token.find()) {
			regex.append(Pattern.quote(expected.substring(last, token.start())));
			regex.append(PLACEHOLDERS.get(token.group()));
			last = token.end();
		}
		regex.append(Pattern.quote(expected.substring(last)));
		return Pattern.compile(regex.toString());
	}

	/**
	 * Whether the actual lines are the expected ones: each expected line matches one actual
	 * line, in order and without gaps, except that a line {@code ...} skips any number.
	 * @param expected the expected lines
	 * @param actual the actual lines
	 * @return whether they match
	 */
	static boolean matchesLines(List<String> expected, List<String> actual) {
		return matches(expected, 0, actual, 0);
	}

	private static boolean matches(List<String> expected, int e, List<String> actual, int a) {
		if (e == expected.size()) {
			return a == actual.size();
		}
		if (expected.get(e).equals("...")) {
			for (int skip = a; skip <= actual.size(); skip++) {
				if (matches(expected, e + 1, actual, skip)) {
					return true;
				}
			}
			return false;
		}
		return a < actual.size() && line(expected.get(e)).matcher(actual.get(a)).matches()
				&& matches(expected, e + 1, actual, a + 1);
	}

	/**
	 * Whether every expected line matches some actual line, in order, with anything between:
	 * log lines of other threads interleave.
	 * @param expected the expected lines
	 * @param actual the actual lines
	 * @return the expected lines not found, empty when all were
	 */
	static List<String> missingInOrder(List<String> expected, List<String> actual) {
		List<String> missing = new ArrayList<>();
		int from = 0;
		for (String wanted : expected) {
			Pattern pattern = line(wanted);
			int found = -1;
			for (int i = from; i < actual.size(); i++) {
				if (pattern.matcher(actual.get(i)).matches()) {
					found = i;
					break;
				}
			}
			if (found < 0) {
				missing.add(wanted);
			}
			else {
				from = found + 1;
			}
		}
		return missing;
	}

}
