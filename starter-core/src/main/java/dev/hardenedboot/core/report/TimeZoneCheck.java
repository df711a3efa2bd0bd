package dev.hardenedboot.core.report;

import java.util.List;
import java.util.Set;
import java.util.TimeZone;

/**
 * The JVM's default time zone: a local zone makes logs, dates without a zone and scheduled
 * jobs differ between instances and shift twice a year.
 */
class TimeZoneCheck implements HardeningCheck {

	private static final Set<String> UTC = Set.of("UTC", "Etc/UTC", "GMT", "Etc/GMT", "Z", "UCT", "Etc/UCT");

	@Override
	public List<HardeningFinding> check() {
		String zone = TimeZone.getDefault().getID();
		return List.of(UTC.contains(zone)
				? HardeningFinding.pass("core", "environment.timezone", "The JVM's default time zone is " + zone + ".")
				: HardeningFinding.warn("core", "environment.timezone",
						"The JVM's default time zone is " + zone + ", not UTC.",
						"Run with TZ=UTC or -Duser.timezone=UTC."));
	}

}
