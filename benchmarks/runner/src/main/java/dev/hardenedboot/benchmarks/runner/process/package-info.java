/**
 * The variants' JVMs: starting and stopping them, and reading them from the outside.
 */
@NonNullApi
package dev.hardenedboot.benchmarks.runner.process;

import org.springframework.lang.NonNullApi;
