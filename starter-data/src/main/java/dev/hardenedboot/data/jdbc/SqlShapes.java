package dev.hardenedboot.data.jdbc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The shape of a SQL statement: literals, numbered parameters and IN lists folded to
 * {@code ?}, whitespace collapsed. Prepared statements repeat the same SQL text, so shapes
 * are cached by text; the cache is bounded, because statements built with inline literals
 * would otherwise grow it without end.
 *
 * <p>Shared by the concerns that name a statement without its values: repeated-statement
 * counting and the JDBC spans, whose attributes must never carry a literal that may be a
 * secret.
 */
public final class SqlShapes {

	private static final int CACHE_LIMIT = 2048;

	private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");

	private static final Pattern NUMBER = Pattern.compile("(?<![\\w$.])-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b");

	private static final Pattern NUMBERED_PARAMETER = Pattern.compile("\\$\\d+");

	private static final Pattern IN_LIST = Pattern.compile("(?i)\\bin\\s*\\(\\s*\\?(?:\\s*,\\s*\\?)*\\s*\\)");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private final Map<String, String> cache = new ConcurrentHashMap<>();

	/**
	 * The shape of a statement, cached by its text.
	 * @param sql the statement as the driver received it
	 * @return the statement with its literals, parameters and IN lists folded to {@code ?}
	 */
	public String shapeOf(String sql) {
		String shape = this.cache.get(sql);
		if (shape == null) {
			shape = normalize(sql);
			if (this.cache.size() >= CACHE_LIMIT) {
				this.cache.clear();
			}
			this.cache.put(sql, shape);
		}
		return shape;
	}

	static String normalize(String sql) {
		String shape = STRING.matcher(sql).replaceAll("?");
		shape = NUMBERED_PARAMETER.matcher(shape).replaceAll("?");
		shape = NUMBER.matcher(shape).replaceAll("?");
		shape = WHITESPACE.matcher(shape).replaceAll(" ").trim();
		return IN_LIST.matcher(shape).replaceAll("in (?)");
	}

}
