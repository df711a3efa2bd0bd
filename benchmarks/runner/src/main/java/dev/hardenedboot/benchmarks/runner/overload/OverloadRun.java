package dev.hardenedboot.benchmarks.runner.overload;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.hardenedboot.benchmarks.runner.Variant;

/**
 * The overload scenario as one variant went through it.
 * @param variant the variant
 * @param summary the figures with targets
 * @param windows per reporting window
 * @param seconds per second (in {@code overload-<variant>.csv}, not in the summary)
 */
public record OverloadRun(Variant variant, OverloadSummary summary, List<OverloadWindow> windows,
		@JsonIgnore List<OverloadSecond> seconds) {
}
