package dev.hardenedboot.core.config.reload;

import java.util.List;
import java.util.Set;

/**
 * How a checked change reaches the running {@code @ConfigurationProperties} beans and logging
 * levels, once the environment holds it.
 */
interface RunningBeansUpdate {

	/**
	 * Updates the running beans and logging levels.
	 * @param binding the touched beans, bound from the new configuration
	 * @param changedKeys the keys whose values changed
	 * @param levels the logging levels before and after
	 * @return what keeps its old value until a restart
	 */
	List<String> apply(PropertiesRebinding.Binding binding, Set<String> changedKeys, LoggingLevels levels);

}
