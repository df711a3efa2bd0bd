package dev.hardenedboot.benchmarks.runner.profile;

import java.util.List;

/**
 * Names the part of the stack a CPU sample belongs to: the part whose marker matches the
 * sample's deepest frame that any part claims. Calls made by a part count as that part's:
 * Micrometer's work under Boot's HTTP server observation filter is the observation's, a
 * socket write under Jackson is the response body's. Tomcat claims a sample only when no
 * other part does, so the connector frames at the bottom of every request's stack do not
 * swallow it.
 */
final class StackAttribution {

	/** Samples no part claims: the JIT compiler, GC threads and the JVM itself. */
	static final String REST = "JVM: JIT compiler, GC and the rest";

	/**
	 * The parts, in the order they are tried on one frame, so that a specific marker
	 * ({@code dev/hardenedboot/observability/logging/}) wins over a general one
	 * ({@code dev/hardenedboot/}).
	 */
	static final List<Part> PARTS = List.of(
			new Part("HikariCP leak detection (a stack captured per borrow)", "com/zaxxer/hikari/pool/ProxyLeakTask"),
			new Part("PostgreSQL driver, socket I/O included", "org/postgresql/"),
			new Part("JDBC observation (datasource-micrometer: a span and a timer per statement)",
					"net/ttddyy/observation/"),
			new Part("datasource-proxy beneath the pool", "net/ttddyy/dsproxy/"),
			new Part("HikariCP borrow and return", "com/zaxxer/hikari/"),
			new Part("Spring JDBC (JdbcClient, JdbcTemplate)", "org/springframework/jdbc/"),
			new Part("Logging (Logback, the JSON encoder, MDC)", "ch/qos/logback/", "org/slf4j/",
					"dev/hardenedboot/observability/logging/"),
			new Part("Response body (Jackson)", "com/fasterxml/jackson/",
					"org/springframework/http/converter/"),
			new Part("The endpoint's own code", "dev/hardenedboot/benchmarks/"),
			new Part("Spring MVC dispatch (handler lookup, interceptors, arguments)",
					"org/springframework/web/servlet/", "org/springframework/web/method/"),
			new Part("Hardened Boot's own code (servlet filters, statement hooks)", "dev/hardenedboot/"),
			new Part("Boot's HTTP server observation (http.server.requests timer, server span)",
					"org/springframework/web/filter/ServerHttpObservationFilter"),
			new Part("Spring's other servlet filters", "org/springframework/web/filter/"));

	/** Claims a sample only when no part in {@link #PARTS} does. */
	static final Part TOMCAT = new Part("Tomcat (HTTP parsing, filter chain, socket I/O)", "org/apache/");

	private StackAttribution() {
	}

	/**
	 * The part one sample belongs to.
	 * @param frames the sample's frames, outermost first, as async-profiler's collapsed
	 * output lists them
	 * @return the part's label
	 */
	static String partOf(List<String> frames) {
		for (int i = frames.size() - 1; i >= 0; i--) {
			String frame = frames.get(i);
			for (Part part : PARTS) {
				if (part.claims(frame)) {
					return part.label();
				}
			}
		}
		for (String frame : frames) {
			if (TOMCAT.claims(frame)) {
				return TOMCAT.label();
			}
		}
		return REST;
	}

	/**
	 * One part of the stack.
	 *
	 * @param label what the report calls it
	 * @param markers substrings of the frames that belong to it
	 */
	record Part(String label, List<String> markers) {

		Part(String label, String... markers) {
			this(label, List.of(markers));
		}

		boolean claims(String frame) {
			for (String marker : this.markers) {
				if (frame.contains(marker)) {
					return true;
				}
			}
			return false;
		}

	}

}
