package dev.hardenedboot.benchmarks.runner.report;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.hardenedboot.benchmarks.runner.Plan;
import dev.hardenedboot.benchmarks.runner.load.LoadResults;
import dev.hardenedboot.benchmarks.runner.overload.OverloadRun;

/**
 * One run, as {@code benchmarks/results/summary.json} keeps it and the report shows it.
 * @param date when it ran (UTC)
 * @param mode {@code full} or {@code quick}
 * @param command the exact command
 * @param machine what it ran on
 * @param plan durations and loads
 * @param figures per endpoint, per variant
 * @param ratios the ratios the baseline keeps
 * @param targets issue 10's targets
 * @param baseline the ratios against the accepted ones
 * @param overload the overload scenario, per variant
 * @param load every launch and round
 */
public record Summary(String date, String mode, String command, Machine machine, Plan plan,
		Map<String, List<VariantFigures>> figures, List<Ratio> ratios, List<TargetCheck> targets,
		List<BaselineCheck> baseline, List<OverloadRun> overload, LoadResults load) {

	@JsonIgnore
	public boolean isQuick() {
		return "quick".equals(this.mode);
	}

}
