package dev.hardenedboot.benchmarks.service;

/**
 * The small JSON body of every endpoint.
 * @param message the greeting
 */
public record Greeting(String message) {
}
