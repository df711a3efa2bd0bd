package dev.hardenedboot.observability.tracing;

import org.springframework.lang.Nullable;

/**
 * Which tracer traces this application, for the hardening report: Boot's Micrometer
 * Tracing with the OpenTelemetry bridge, or another one found in the JVM, in which case
 * Hardened Boot's tracing defaults back off.
 */
public final class TracerSelection {

	/** Boot's Micrometer Tracing with the OpenTelemetry bridge. */
	public static final String MICROMETER_OTEL = "micrometer-tracing-otel";

	@Nullable
	private final String otherTracer;

	private final boolean bootTracingEnabled;

	/**
	 * Creates a selection.
	 * @param otherTracer the other tracer found, or {@code null}
	 * @param bootTracingEnabled whether Boot's tracing is on
	 */
	public TracerSelection(@Nullable String otherTracer, boolean bootTracingEnabled) {
		this.otherTracer = otherTracer;
		this.bootTracingEnabled = bootTracingEnabled;
	}

	/**
	 * The tracer in charge.
	 * @return {@value #MICROMETER_OTEL}, {@code opentelemetry-javaagent} or {@code brave}
	 */
	public String getTracer() {
		return (this.otherTracer != null) ? this.otherTracer : MICROMETER_OTEL;
	}

	/**
	 * Whether another tracer was found and the starter backed off.
	 * @return whether the starter backed off
	 */
	public boolean isBackedOff() {
		return this.otherTracer != null;
	}

	/**
	 * Whether Boot's tracing (management.tracing.enabled) is on.
	 * @return whether Boot's tracing is on
	 */
	public boolean isBootTracingEnabled() {
		return this.bootTracingEnabled;
	}

}
