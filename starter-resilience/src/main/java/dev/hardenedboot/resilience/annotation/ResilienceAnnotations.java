package dev.hardenedboot.resilience.annotation;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the start-up check of resilience4j's annotations found on the application's singletons:
 * the annotated methods, the fallbacks it resolved and the retry instances they name. A
 * fallback that does not resolve stops start-up, so every fallback counted here is one
 * resilience4j will find at call time. Read by the hardening report and the retry budgets once
 * every singleton, and so every annotated one, has been through the check.
 */
public class ResilienceAnnotations {

	private final Set<String> annotatedMethods = ConcurrentHashMap.newKeySet();

	private final Set<String> resolvedFallbacks = ConcurrentHashMap.newKeySet();

	private final Set<String> perCallFallbacks = ConcurrentHashMap.newKeySet();

	private final Map<String, String> retryInstances = new ConcurrentHashMap<>();

	/**
	 * The methods carrying a resilience4j annotation.
	 * @return how many
	 */
	public int annotatedMethods() {
		return this.annotatedMethods.size();
	}

	/**
	 * The fallbacks resolved to a method with a matching signature, one per annotation.
	 * @return how many
	 */
	public int resolvedFallbacks() {
		return this.resolvedFallbacks.size();
	}

	/**
	 * The fallbacks given as SpEL expressions, which resilience4j resolves on each call.
	 * @return how many
	 */
	public int perCallFallbacks() {
		return this.perCallFallbacks.size();
	}

	/**
	 * The retry instances {@code @Retry} annotations name, with the configuration each one is
	 * built on (its {@code configuration}, else its own name, as resilience4j looks it up).
	 * Names are as written: they may hold placeholders or SpEL expressions.
	 * @return the configuration of each name
	 */
	public Map<String, String> retryInstances() {
		return Map.copyOf(this.retryInstances);
	}

	void annotated(String method) {
		this.annotatedMethods.add(method);
	}

	void resolved(String fallback) {
		this.resolvedFallbacks.add(fallback);
	}

	void resolvedPerCall(String fallback) {
		this.perCallFallbacks.add(fallback);
	}

	void retry(String name, String configuration) {
		this.retryInstances.putIfAbsent(name, configuration.isEmpty() ? name : configuration);
	}

}
