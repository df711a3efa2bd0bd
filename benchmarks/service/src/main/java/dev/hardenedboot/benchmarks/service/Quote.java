package dev.hardenedboot.benchmarks.service;

/**
 * What the dependency answers.
 * @param cents a price
 */
record Quote(long cents) {
}
