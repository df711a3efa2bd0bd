/**
 * The overload scenario: the dependency stub, the closed-loop clients, the sampler and the
 * per-window analysis.
 */
@NonNullApi
package dev.hardenedboot.benchmarks.runner.overload;

import org.springframework.lang.NonNullApi;
