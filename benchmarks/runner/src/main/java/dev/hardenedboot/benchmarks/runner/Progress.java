package dev.hardenedboot.benchmarks.runner;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * One line per step on stdout, with the time elapsed since the run began.
 */
public final class Progress {

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final long origin = System.nanoTime();

	public void step(String message) {
		Duration elapsed = Duration.ofNanos(System.nanoTime() - this.origin);
		System.out.printf("[%s +%02d:%02d] %s%n", LocalTime.now().format(CLOCK), elapsed.toMinutes(),
				elapsed.toSecondsPart(), message);
		System.out.flush();
	}

}
