package dev.hardenedboot.observability.logging.sampling;

import java.util.Map;

import ch.qos.logback.classic.Level;
import dev.hardenedboot.observability.logging.LoggingProperties;

/**
 * Lines per second for a logger and level, from {@code hardened.logging.sampling.*}: the
 * entry of the longest logger name or package that contains the logger, else {@code root},
 * else no limit; no limit at all when sampling is switched off.
 */
final class SamplingRates {

	/** A rate that means "no limit". */
	static final int UNLIMITED = -1;

	private static final String ROOT = "root";

	private final Map<String, Integer> info;

	private final Map<String, Integer> debug;

	private final Map<String, Integer> trace;

	SamplingRates(LoggingProperties.Sampling sampling) {
		// Switched off at run time: the sampler stays attached and lets every line through.
		boolean enabled = sampling.isEnabled();
		this.info = enabled ? Map.copyOf(sampling.getInfo()) : Map.of();
		this.debug = enabled ? Map.copyOf(sampling.getDebug()) : Map.of();
		this.trace = enabled ? Map.copyOf(sampling.getTrace()) : Map.of();
	}

	int perSecond(String logger, Level level) {
		Map<String, Integer> rates = switch (level.levelInt) {
			case Level.INFO_INT -> this.info;
			case Level.DEBUG_INT -> this.debug;
			case Level.TRACE_INT -> this.trace;
			default -> Map.of();
		};
		String name = logger;
		while (true) {
			Integer rate = rates.get(name);
			if (rate != null) {
				return rate;
			}
			int dot = name.lastIndexOf('.');
			if (dot < 0) {
				break;
			}
			name = name.substring(0, dot);
		}
		Integer root = rates.get(ROOT);
		return (root != null) ? root : UNLIMITED;
	}

}
