/**
 * CPU profiles of the variants, attributed to the parts of the stack that spend them.
 */
@NonNullApi
package dev.hardenedboot.benchmarks.runner.profile;

import org.springframework.lang.NonNullApi;
