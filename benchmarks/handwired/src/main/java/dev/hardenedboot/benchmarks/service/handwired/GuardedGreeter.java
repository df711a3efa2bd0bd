package dev.hardenedboot.benchmarks.service.handwired;

import dev.hardenedboot.benchmarks.service.Greeter;
import dev.hardenedboot.benchmarks.service.Greeting;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;

import org.springframework.stereotype.Component;

/**
 * The hand-wired stacks' one {@code @CircuitBreaker}: every {@code GET /hello} goes through
 * resilience4j's aspect and a closed breaker, as a breaker a team adds around its own code
 * would.
 */
@Component
class GuardedGreeter implements Greeter {

	@Override
	@CircuitBreaker(name = "greeter")
	public Greeting greet(String name) {
		return SIMPLE.greet(name);
	}

}
