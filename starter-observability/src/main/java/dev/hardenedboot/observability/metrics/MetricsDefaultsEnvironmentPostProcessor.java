package dev.hardenedboot.observability.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.hardenedboot.core.config.LowestPriorityDefaults;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Common tags, SLO buckets for the HTTP timers and Boot's uri limits aligned with ours, for
 * what the application leaves unset.
 */
public class MetricsDefaultsEnvironmentPostProcessor extends LowestPriorityDefaults {

	/** Name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "hardenedBootMetricsDefaults";

	/**
	 * Ten buckets from 10ms to 10s: enough to read a p99 against an SLO, where
	 * percentiles-histogram would publish about 70 per series and blow up the scrape.
	 */
	static final String SLO_BUCKETS = "10ms,25ms,50ms,100ms,250ms,500ms,1s,2500ms,5s,10s";

	public MetricsDefaultsEnvironmentPostProcessor() {
		super(PROPERTY_SOURCE_NAME, defaults());
	}

	private static Map<String, Object> defaults() {
		Map<String, Object> defaults = new LinkedHashMap<>();
		defaults.put("management.metrics.tags.application", "${spring.application.name:application}");
		defaults.put("management.metrics.tags.env", "${hardened.env:${spring.profiles.active:default}}");
		defaults.put("management.metrics.distribution.slo.http.server.requests", SLO_BUCKETS);
		defaults.put("management.metrics.distribution.slo.http.client.requests", SLO_BUCKETS);
		// Our guard folds extra values into "OTHER" within this many; Boot's filter, which
		// drops meters past its own limit, must not cut in first.
		defaults.put("management.metrics.web.server.max-uri-tags", "${hardened.metrics.max-uri-tags:200}");
		defaults.put("management.metrics.web.client.max-uri-tags", "${hardened.metrics.max-uri-tags:200}");
		return defaults;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("hardened.metrics.enabled", Boolean.class, true)) {
			super.postProcessEnvironment(environment, application);
		}
	}

}
