package dev.hardenedboot.core.report;

import java.util.List;

/**
 * The SPI through which each starter contributes to the hardening report: a bean that looks
 * at the live application (its environment, its beans, the servers it talks to) and says what
 * it found. A check reuses what its starter already knows, so the report is a view of the
 * starters' own decisions rather than a second implementation of them.
 *
 * <p>A check runs at start-up and on every request to {@code /actuator/hardening}; it should
 * be quick and must not change anything. One that throws is reported as a WARN of its own.
 */
@FunctionalInterface
public interface HardeningCheck {

	/**
	 * Runs the check.
	 * @return one finding per thing checked; usually one
	 */
	List<HardeningFinding> check();

}
