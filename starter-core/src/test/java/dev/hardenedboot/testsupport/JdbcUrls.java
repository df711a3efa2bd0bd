package dev.hardenedboot.testsupport;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The few JDBC URL edits the test support needs. JDBC URLs are not {@code java.net.URI}s
 * (PostgreSQL allows several hosts), so only the parts we touch are parsed: the database
 * path segment and the query parameters.
 */
final class JdbcUrls {

	private static final Pattern PASSWORD = Pattern.compile("((?:[?&;])password=)[^&;]*");

	private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(://[^:/@]*:)[^@/]*@");

	private JdbcUrls() {
	}

	static String withCredentials(String url, String user, String password) {
		StringBuilder result = new StringBuilder(url);
		result.append(url.contains("?") ? '&' : '?').append("user=").append(encode(user));
		if (password != null && !password.isEmpty()) {
			result.append("&password=").append(encode(password));
		}
		return result.toString();
	}

	static String queryParameter(String url, String name) {
		int query = url.indexOf('?');
		if (query < 0) {
			return null;
		}
		for (String pair : url.substring(query + 1).split("&")) {
			int equals = pair.indexOf('=');
			String key = (equals < 0) ? pair : pair.substring(0, equals);
			if (key.equals(name)) {
				return (equals < 0) ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	static String withDatabase(String url, String database) {
		int[] span = databaseSpan(url);
		if (span[0] < 0) {
			return url.substring(0, span[1]) + "/" + database + url.substring(span[1]);
		}
		return url.substring(0, span[0]) + database + url.substring(span[1]);
	}

	static String redactPassword(String url) {
		String redacted = PASSWORD.matcher(url).replaceAll("$1***");
		return USER_INFO_PASSWORD.matcher(redacted).replaceAll("$1***@");
	}

	private static int[] databaseSpan(String url) {
		int authority = url.indexOf("://");
		if (authority < 0) {
			throw new IllegalArgumentException("Not a URL with a host: " + redactPassword(url));
		}
		int slash = url.indexOf('/', authority + 3);
		int query = url.indexOf('?', authority + 3);
		int end = (query < 0) ? url.length() : query;
		if (slash < 0 || slash > end) {
			// No database segment: report where one would go, before the query.
			return new int[] { -1, end };
		}
		return new int[] { slash + 1, end };
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
