package dev.hardenedboot.core.config.reload;

/**
 * Counts reloads by outcome.
 */
@FunctionalInterface
public interface ConfigReloadRecorder {

	/** Counts nothing. */
	ConfigReloadRecorder NONE = (outcome) -> {
	};

	/**
	 * Records one reload that applied or rejected a change.
	 * @param outcome the outcome
	 */
	void record(ConfigReloadResult.Outcome outcome);

}
