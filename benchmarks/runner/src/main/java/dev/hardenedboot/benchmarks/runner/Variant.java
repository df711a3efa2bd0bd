package dev.hardenedboot.benchmarks.runner;

import java.nio.file.Path;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The variants of the benchmark service, one module each under {@code benchmarks/}.
 */
public enum Variant {

	/** Boot 3.5.7 web (and the service's JDBC), a plain-text log file. */
	PLAIN("plain", "plain Boot", false),

	/**
	 * Actuator, Prometheus, the OpenTelemetry Spring Boot starter 2.15.0 (100% sampling, no
	 * exporter), logstash-logback-encoder via AsyncAppender, one {@code @CircuitBreaker}.
	 */
	HANDWIRED_OTEL("handwired-otel", "hand-wired, OTel starter", false),

	/** The same with Micrometer Tracing and the OpenTelemetry bridge instead of the OTel starter. */
	HANDWIRED_BRIDGE("handwired-bridge", "hand-wired, Micrometer bridge", false),

	/** The four Hardened Boot starters, default settings. */
	HARDENED("hardened", "Hardened Boot", true);

	private final String id;

	private final String label;

	private final boolean liveProbe;

	Variant(String id, String label, boolean liveProbe) {
		this.id = id;
		this.label = label;
		this.liveProbe = liveProbe;
	}

	/**
	 * The module's directory name, used in file names and JSON.
	 * @return the id
	 */
	@JsonValue
	public String id() {
		return this.id;
	}

	public String label() {
		return this.label;
	}

	/**
	 * Whether the variant answers {@code GET /health/live} (the contract's liveness path).
	 * @return whether to poll liveness during the overload scenario
	 */
	public boolean hasLiveProbe() {
		return this.liveProbe;
	}

	/**
	 * The variant's executable jar, as {@code mvn package} leaves it.
	 * @param benchmarksDir the {@code benchmarks/} directory
	 * @return the jar
	 */
	public Path jar(Path benchmarksDir) {
		return benchmarksDir.resolve(this.id)
			.resolve("target")
			.resolve("hardened-boot-benchmarks-" + this.id + ".jar");
	}

}
