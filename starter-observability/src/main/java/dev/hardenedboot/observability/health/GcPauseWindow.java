package dev.hardenedboot.observability.health;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Stop-the-world pause time over a sliding window of JVM up-time. The share is always taken
 * of the whole window, also in the first minute after start: a pause-heavy start-up must
 * not read as a dying process and restart the pod in a loop.
 */
final class GcPauseWindow {

	private final long windowMillis;

	private final Deque<long[]> pauses = new ArrayDeque<>();

	GcPauseWindow(long windowMillis) {
		this.windowMillis = windowMillis;
	}

	/**
	 * Records a pause.
	 * @param endMillis when it ended, in JVM up-time
	 * @param durationMillis how long it took
	 */
	synchronized void record(long endMillis, long durationMillis) {
		this.pauses.addLast(new long[] { endMillis, durationMillis });
		evict(endMillis);
	}

	/**
	 * The share of the window spent in pauses.
	 * @param nowMillis the JVM's up-time now
	 * @return a share between 0 and 1
	 */
	synchronized double overhead(long nowMillis) {
		evict(nowMillis);
		long start = nowMillis - this.windowMillis;
		long paused = 0;
		for (long[] pause : this.pauses) {
			long pauseStart = pause[0] - pause[1];
			// Only the part of a pause inside the window counts.
			paused += pause[0] - Math.max(pauseStart, start);
		}
		return Math.min(1.0, (double) paused / this.windowMillis);
	}

	private void evict(long nowMillis) {
		while (!this.pauses.isEmpty() && this.pauses.peekFirst()[0] <= nowMillis - this.windowMillis) {
			this.pauses.removeFirst();
		}
	}

}
