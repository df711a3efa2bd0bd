package dev.hardenedboot.benchmarks.service;

/**
 * Makes the greeting of {@code GET /hello}. A variant may declare its own bean, as the
 * hand-wired ones do to put a circuit breaker on the request path; without one the controller
 * greets directly.
 */
@FunctionalInterface
public interface Greeter {

	/**
	 * The greeting without any decoration.
	 */
	Greeter SIMPLE = (name) -> new Greeting("Hello, " + name + "!");

	Greeting greet(String name);

}
