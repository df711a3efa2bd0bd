package dev.hardenedboot.resilience.annotation;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the start-up check of resilience4j's annotations found on the application's singletons:
 * the annotated methods and the fallbacks it resolved. A fallback that does not resolve stops
 * start-up, so every fallback counted here is one resilience4j will find at call time. Read by
 * the hardening report, which runs once every singleton, and so every annotated one, has been
 * through the check.
 */
public class ResilienceAnnotations {

	private final Set<String> annotatedMethods = ConcurrentHashMap.newKeySet();

	private final Set<String> resolvedFallbacks = ConcurrentHashMap.newKeySet();

	private final Set<String> perCallFallbacks = ConcurrentHashMap.newKeySet();

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

	void annotated(String method) {
		this.annotatedMethods.add(method);
	}

	void resolved(String fallback) {
		this.resolvedFallbacks.add(fallback);
	}

	void resolvedPerCall(String fallback) {
		this.perCallFallbacks.add(fallback);
	}

}
