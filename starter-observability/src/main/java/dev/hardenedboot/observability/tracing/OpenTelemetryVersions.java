package dev.hardenedboot.observability.tracing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.lang.Nullable;
import org.springframework.util.ClassUtils;

/**
 * The versions of the OpenTelemetry API, SDK and incubator on the class path, read from
 * their jars' manifests, and whether they agree. A mix (an instrumentation library that
 * lifted the SDK past Boot's API, say) fails at run time with {@code NoClassDefFoundError}
 * or {@code NoSuchMethodError}, far from its cause. The hardening report reads this bean.
 */
public final class OpenTelemetryVersions {

	private static final Map<String, String> MARKERS = markers();

	private final Map<String, String> versions;

	/**
	 * Creates a record of versions.
	 * @param versions the version of each artifact, by artifact id
	 */
	public OpenTelemetryVersions(Map<String, String> versions) {
		this.versions = Collections.unmodifiableMap(new LinkedHashMap<>(versions));
	}

	/**
	 * Reads the versions of the OpenTelemetry artifacts a class loader sees.
	 * @param classLoader the application's class loader
	 * @return the versions
	 */
	public static OpenTelemetryVersions detect(@Nullable ClassLoader classLoader) {
		Map<String, String> versions = new LinkedHashMap<>();
		MARKERS.forEach((artifact, marker) -> {
			String version = versionOf(marker, classLoader);
			if (version != null) {
				versions.merge(artifact, version, (first, second) -> first);
			}
		});
		return new OpenTelemetryVersions(versions);
	}

	private static Map<String, String> markers() {
		Map<String, String> markers = new LinkedHashMap<>();
		markers.put("opentelemetry-api", "io.opentelemetry.api.OpenTelemetry");
		markers.put("opentelemetry-context", "io.opentelemetry.context.Context");
		markers.put("opentelemetry-sdk", "io.opentelemetry.sdk.OpenTelemetrySdk");
		markers.put("opentelemetry-sdk-common", "io.opentelemetry.sdk.common.CompletableResultCode");
		markers.put("opentelemetry-sdk-trace", "io.opentelemetry.sdk.trace.SdkTracerProvider");
		markers.put("opentelemetry-api-incubator", "io.opentelemetry.api.incubator.trace.ExtendedTracer");
		return markers;
	}

	@Nullable
	private static String versionOf(String className, @Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent(className, classLoader)) {
			return null;
		}
		Package found = ClassUtils.resolveClassName(className, classLoader).getPackage();
		return (found != null) ? found.getImplementationVersion() : null;
	}

	/**
	 * The version of each OpenTelemetry artifact found, by artifact id.
	 * @return the versions
	 */
	public Map<String, String> getVersions() {
		return this.versions;
	}

	/**
	 * Whether every artifact found has the same version; alpha artifacts carry the
	 * release's version with an {@code -alpha} suffix.
	 * @return whether the versions agree
	 */
	public boolean isAligned() {
		return this.versions.values().stream().map((version) -> version.replace("-alpha", "")).distinct().count() <= 1;
	}

	@Override
	public String toString() {
		return (isAligned() ? "aligned " : "NOT aligned ") + this.versions;
	}

}
