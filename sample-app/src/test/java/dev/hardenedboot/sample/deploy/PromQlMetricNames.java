package dev.hardenedboot.sample.deploy;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. Not a parser: label matchers, strings, range
 * selectors, grouping clauses and Grafana variables are cut out first, and what is left that
 * looks like a name and is not a function, an aggregation or a keyword is a metric name.
 */
final class PromQlMetricNames {

	private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");

	private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");

	private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*]");

	private static final Pattern GROUPING = Pattern
		.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{?\\w+}?");

	/** A name, unless a parenthesis follows: then it is a function or an aggregation. */
	private static final Pattern NAME = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)\\b(?!\\s*\\()");

	private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without",
			"on", "ignoring", "group_left", "group_right", "inf", "nan", "Inf", "NaN");

	private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\(\\s*([^,)]+)");

	private PromQlMetricNames() {
	}

	static Set<String> in(String expression) {
		String rest = STRING.matcher(expression).replaceAll(" ");
		rest = LABEL_MATCHERS.matcher(rest).replaceAll(" ");
		rest = RANGE.matcher(rest).replaceAll(" ");
		rest = GROUPING.matcher(rest).replaceAll(" ");
		rest = VARIABLE.matcher(rest).replaceAll(" ");
		Set<String> names = new LinkedHashSet<>();
		Matcher name = NAME.matcher(rest);
		while (name.find()) {
			if (!KEYWORDS.contains(name.group(1))) {
				names.add(name.group(1));
			}
		}
		return names;
	}

	/**
	 * The metric a Grafana variable query reads: {@code label_values(metric, label)} reads
	 * the metric, not the label; any other query is PromQL.
	 * @param query the variable's query
	 * @return the metric names it reads
	 */
	static Set<String> inVariableQuery(String query) {
		Matcher labelValues = LABEL_VALUES.matcher(query);
		return labelValues.find() ? in(labelValues.group(1)) : in(query);
	}

}
