package dev.hardenedboot.resilience.annotation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How resilience4j's annotations ({@code @CircuitBreaker}, {@code @Retry}, {@code @Bulkhead},
 * {@code @RateLimiter}, {@code @TimeLimiter}, {@code @Timer}) find the methods they decorate.
 */
@ConfigurationProperties("hardened.resilience.annotations")
public class ResilienceAnnotationsProperties {

	/**
	 * Whether the methods resilience4j's annotations decorate are found by reflection rather
	 * than by resilience4j's AspectJ pointcuts, which make start-up read every bean class
	 * through AspectJ's weaver. The decoration itself is resilience4j's either way. Read when
	 * the application context is refreshed, so it can only be set before start-up.
	 */
	private boolean reflectiveMatching = true;

	public boolean isReflectiveMatching() {
		return this.reflectiveMatching;
	}

	public void setReflectiveMatching(boolean reflectiveMatching) {
		this.reflectiveMatching = reflectiveMatching;
	}

}
