package dev.hardenedboot.observability.report;

import java.util.Arrays;

import org.springframework.core.env.Environment;

/**
 * The profiles in which the starter logs for a human ({@code local} and {@code dev}, as in
 * its {@code logback.xml}): the logging checks apply outside them.
 */
final class LocalProfiles {

	static final String EXPRESSION = "local | dev";

	private LocalProfiles() {
	}

	static boolean active(Environment environment) {
		return environment.matchesProfiles(EXPRESSION);
	}

	static String describe(Environment environment) {
		return Arrays.toString(environment.getActiveProfiles());
	}

}
