package dev.hardenedboot.resilience.circuitbreaker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.circuitbreaker.event.CircuitBreakerOnStateTransitionEvent;

/**
 * When each open breaker of a registry lets a trial call through again, so that a refused
 * caller can be told how long to wait ({@code Retry-After}). resilience4j keeps that instant
 * private, so it is recorded here from the breakers' state transitions.
 */
public class OpenCircuitBreakers {

	/** A refused caller is told to wait at least this long, also when half-open has no permits left. */
	static final Duration MINIMUM_RETRY_AFTER = Duration.ofSeconds(1);

	private final CircuitBreakerRegistry registry;

	private final Clock clock;

	private final Map<String, Instant> openUntil = new ConcurrentHashMap<>();

	public OpenCircuitBreakers(CircuitBreakerRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
		registry.getAllCircuitBreakers().forEach(this::watch);
		registry.getEventPublisher().onEntryAdded((event) -> watch(event.getAddedEntry()));
		registry.getEventPublisher().onEntryReplaced((event) -> watch(event.getNewEntry()));
	}

	private void watch(CircuitBreaker breaker) {
		breaker.getEventPublisher().onStateTransition((event) -> onTransition(breaker, event));
	}

	private void onTransition(CircuitBreaker breaker, CircuitBreakerOnStateTransitionEvent event) {
		CircuitBreaker.State to = event.getStateTransition().getToState();
		if (to == CircuitBreaker.State.OPEN) {
			// resilience4j counts attempts from 1; a constant wait (our default) ignores it.
			long waitMillis = breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1);
			this.openUntil.put(breaker.getName(), Instant.now(this.clock).plusMillis(waitMillis));
		}
		else {
			this.openUntil.remove(breaker.getName());
		}
	}

	/**
	 * How long a caller refused by the named breaker should wait before trying again: what is
	 * left of its open period, at least one second.
	 * @param breakerName the breaker's name
	 * @return the wait
	 */
	public Duration retryAfter(String breakerName) {
		Instant until = this.openUntil.get(breakerName);
		if (until == null) {
			return this.registry.find(breakerName)
				.filter((breaker) -> breaker.getState() == CircuitBreaker.State.FORCED_OPEN)
				.map((breaker) -> breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1))
				.map(Duration::ofMillis)
				.orElse(MINIMUM_RETRY_AFTER);
		}
		Duration left = Duration.between(Instant.now(this.clock), until);
		return (left.compareTo(MINIMUM_RETRY_AFTER) > 0) ? left : MINIMUM_RETRY_AFTER;
	}

	/**
	 * {@link #retryAfter(String)} in whole seconds, rounded up, as {@code Retry-After} takes it.
	 * @param breakerName the breaker's name
	 * @return the seconds
	 */
	public long retryAfterSeconds(String breakerName) {
		Duration wait = retryAfter(breakerName);
		return wait.getSeconds() + ((wait.getNano() > 0) ? 1 : 0);
	}

}
