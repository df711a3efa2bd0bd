package dev.hardenedboot.resilience.circuitbreaker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.hardenedboot.core.config.LowestPriorityDefaults;
import dev.hardenedboot.resilience.propagation.CapturedContextPropagator;

import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * resilience4j's settings as Hardened Boot wants them, as the last property source. They go
 * into the {@code default} configs, which resilience4j applies to every instance that names no
 * base config: instances configured under {@code instances.<name>}, and instances that are only
 * named in an annotation. An application's value for any single field wins over ours, for the
 * default config or for one instance, and leaves the other fields as they are.
 *
 * <p>The aspect order is stated here too, so that it is in one place with the defaults it
 * changes: the breaker is outermost and sees one outcome per logical call, not one per retry
 * attempt.
 */
public class ResilienceDefaultsEnvironmentPostProcessor extends LowestPriorityDefaults {

	/** Name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "hardenedBootResilienceDefaults";

	/**
	 * Failures that are the caller's or the business's, not the dependency's: breakers ignore
	 * them and retries do not repeat them. Only classes on the class path are listed, or
	 * resilience4j could not bind the list.
	 */
	static final List<String> IGNORED_EXCEPTIONS = List.of("org.springframework.web.client.HttpClientErrorException",
			"jakarta.validation.ValidationException", BusinessOutcome.class.getName());

	/** Retrying these would only repeat a refusal. */
	static final List<String> NOT_RETRIED_EXCEPTIONS = List.of(
			"io.github.resilience4j.circuitbreaker.CallNotPermittedException",
			"io.github.resilience4j.bulkhead.BulkheadFullException");

	/**
	 * Outermost first. resilience4j's own order puts the retry outside the breaker, so each
	 * attempt is one breaker call and three failed attempts of one request count three times.
	 */
	static final int CIRCUIT_BREAKER_ASPECT_ORDER = Ordered.LOWEST_PRECEDENCE - 5;

	static final int RETRY_ASPECT_ORDER = Ordered.LOWEST_PRECEDENCE - 4;

	static final int RATE_LIMITER_ASPECT_ORDER = Ordered.LOWEST_PRECEDENCE - 3;

	static final int TIME_LIMITER_ASPECT_ORDER = Ordered.LOWEST_PRECEDENCE - 2;

	static final int BULKHEAD_ASPECT_ORDER = Ordered.LOWEST_PRECEDENCE - 1;

	public ResilienceDefaultsEnvironmentPostProcessor() {
		super(PROPERTY_SOURCE_NAME, defaults());
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getProperty("hardened.resilience.enabled", Boolean.class, true)) {
			super.postProcessEnvironment(environment, application);
		}
	}

	private static Map<String, Object> defaults() {
		Map<String, Object> defaults = new LinkedHashMap<>();
		String breaker = "resilience4j.circuitbreaker.configs.default.";
		defaults.put(breaker + "sliding-window-type", "COUNT_BASED");
		defaults.put(breaker + "sliding-window-size", "20");
		defaults.put(breaker + "minimum-number-of-calls", "10");
		defaults.put(breaker + "failure-rate-threshold", "50");
		defaults.put(breaker + "wait-duration-in-open-state", "30s");
		defaults.put(breaker + "permitted-number-of-calls-in-half-open-state", "1");
		defaults.put(breaker + "slow-call-duration-threshold", "${hardened.resilience.slow-call-threshold:2s}");
		defaults.put(breaker + "slow-call-rate-threshold", "50");
		putList(defaults, breaker + "ignore-exceptions", present(IGNORED_EXCEPTIONS));
		defaults.put(breaker + "ignore-exception-predicate", ClientErrorPredicate.class.getName());
		// The breakers' health: deep readiness only (the health groups are the observability
		// starter's); an open breaker is DOWN there, not an UNKNOWN nobody alerts on.
		defaults.put(breaker + "register-health-indicator", "true");
		defaults.put(breaker + "allow-health-indicator-to-fail", "true");
		defaults.put("management.health.circuitbreakers.enabled", "true");

		String retry = "resilience4j.retry.configs.default.";
		defaults.put(retry + "max-attempts", "2");
		defaults.put(retry + "wait-duration", "100ms");
		defaults.put(retry + "enable-exponential-backoff", "true");
		defaults.put(retry + "exponential-backoff-multiplier", "2");
		defaults.put(retry + "exponential-max-wait-duration", "2s");
		defaults.put(retry + "enable-randomized-wait", "true");
		defaults.put(retry + "randomized-wait-factor", "0.5");
		List<String> notRetried = new ArrayList<>(present(IGNORED_EXCEPTIONS));
		notRetried.addAll(NOT_RETRIED_EXCEPTIONS);
		putList(defaults, retry + "ignore-exceptions", notRetried);
		defaults.put(retry + "retry-exception-predicate", RetryableFailurePredicate.class.getName());

		defaults.put("resilience4j.timelimiter.configs.default.timeout-duration", "10s");
		defaults.put("resilience4j.timelimiter.configs.default.cancel-running-future", "true");
		defaults.put("resilience4j.bulkhead.configs.default.max-concurrent-calls", "25");
		defaults.put("resilience4j.bulkhead.configs.default.max-wait-duration", "0ms");
		defaults.put("resilience4j.thread-pool-bulkhead.configs.default.context-propagators[0]",
				CapturedContextPropagator.class.getName());
		// Setting a pool size is what makes resilience4j build its context-aware scheduler,
		// which the time limiter then uses instead of a plain one.
		defaults.put("resilience4j.scheduled.executor.core-pool-size", "2");
		defaults.put("resilience4j.scheduled.executor.context-propagators[0]",
				CapturedContextPropagator.class.getName());

		defaults.put("resilience4j.circuitbreaker.circuit-breaker-aspect-order",
				Integer.toString(CIRCUIT_BREAKER_ASPECT_ORDER));
		defaults.put("resilience4j.retry.retry-aspect-order", Integer.toString(RETRY_ASPECT_ORDER));
		defaults.put("resilience4j.ratelimiter.rate-limiter-aspect-order", Integer.toString(RATE_LIMITER_ASPECT_ORDER));
		defaults.put("resilience4j.timelimiter.time-limiter-aspect-order", Integer.toString(TIME_LIMITER_ASPECT_ORDER));
		defaults.put("resilience4j.bulkhead.bulkhead-aspect-order", Integer.toString(BULKHEAD_ASPECT_ORDER));
		return defaults;
	}

	private static List<String> present(List<String> classNames) {
		ClassLoader classLoader = ResilienceDefaultsEnvironmentPostProcessor.class.getClassLoader();
		return classNames.stream().filter((name) -> ClassUtils.isPresent(name, classLoader)).toList();
	}

	private static void putList(Map<String, Object> defaults, String name, List<String> values) {
		for (int i = 0; i < values.size(); i++) {
			defaults.put(name + "[" + i + "]", values.get(i));
		}
	}

}
