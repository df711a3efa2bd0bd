package dev.hardenedboot.core.report;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Runs every {@link HardeningCheck} bean. A check that throws does not hide the others: it
 * becomes a WARN naming the check and the error.
 */
public class HardeningReporter {

	private final ObjectProvider<HardeningCheck> checks;

	private final Clock clock;

	public HardeningReporter(ObjectProvider<HardeningCheck> checks, Clock clock) {
		this.checks = checks;
		this.clock = clock;
	}

	/**
	 * Runs the checks now.
	 * @return the report
	 */
	public HardeningReport report() {
		List<HardeningFinding> findings = new ArrayList<>();
		this.checks.orderedStream().forEach((check) -> {
			try {
				findings.addAll(check.check());
			}
			catch (RuntimeException ex) {
				String name = AopUtils.getTargetClass(check).getName();
				findings.add(HardeningFinding.warn("core", "report.check-failed",
						"The check " + name + " failed: " + ex, "Report it; the other checks ran."));
			}
		});
		findings.sort(Comparator.comparing(HardeningFinding::status)
			.reversed()
			.thenComparing(HardeningFinding::id));
		return new HardeningReport(this.clock.instant(), List.copyOf(findings));
	}

}
