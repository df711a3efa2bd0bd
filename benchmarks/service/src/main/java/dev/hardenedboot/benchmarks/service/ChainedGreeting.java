package dev.hardenedboot.benchmarks.service;

/**
 * The body of {@code GET /hello/chain}: a greeting read from the database and the
 * dependency's quote.
 * @param message the greeting read from the database
 * @param cents the quote
 */
public record ChainedGreeting(String message, long cents) {
}
