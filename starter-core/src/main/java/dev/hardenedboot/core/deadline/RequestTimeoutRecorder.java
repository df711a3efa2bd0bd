package dev.hardenedboot.core.deadline;

/**
 * Counts the requests that ended in 504 because of their deadline.
 */
@FunctionalInterface
interface RequestTimeoutRecorder {

	RequestTimeoutRecorder NONE = (route, cause) -> {
	};

	/**
	 * Records one timeout.
	 * @param route the route template, or {@code UNKNOWN} when no handler matched
	 * @param cause {@code call} when a call bounded by the deadline timed out or code
	 * checked it, {@code late-response} when the handler returned after it
	 */
	void record(String route, String cause);

}
