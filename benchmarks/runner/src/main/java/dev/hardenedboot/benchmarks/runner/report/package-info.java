/**
 * From measurements to the report: figures, ratios, issue 10's targets, the baseline, the
 * charts and the generated part of {@code docs/benchmarks.md}.
 */
@NonNullApi
package dev.hardenedboot.benchmarks.runner.report;

import org.springframework.lang.NonNullApi;
