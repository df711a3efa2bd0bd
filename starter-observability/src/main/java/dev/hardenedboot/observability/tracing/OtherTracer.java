package dev.hardenedboot.observability.tracing;

import java.lang.management.ManagementFactory;
import java.util.List;

import org.springframework.lang.Nullable;
import org.springframework.util.ClassUtils;

/**
 * Finds a tracer other than Boot's OpenTelemetry bridge: the OpenTelemetry Java agent,
 * which traces the same requests from bytecode, or Brave. Running two gives every request
 * two spans and two sets of MDC keys.
 */
final class OtherTracer {

	static final String AGENT = "opentelemetry-javaagent";

	static final String BRAVE = "brave";

	private static final String AGENT_CLASS = "io.opentelemetry.javaagent.bootstrap.AgentInitializer";

	private OtherTracer() {
	}

	/**
	 * The other tracer in this JVM.
	 * @param classLoader the application's class loader
	 * @return {@value #AGENT}, {@value #BRAVE} or {@code null}
	 */
	@Nullable
	static String detect(@Nullable ClassLoader classLoader) {
		return detect(ManagementFactory.getRuntimeMXBean().getInputArguments(), isAgentLoaded(),
				ClassUtils.isPresent("brave.Tracer", classLoader));
	}

	@Nullable
	static String detect(List<String> jvmArguments, boolean agentLoaded, boolean bravePresent) {
		boolean agentArgument = jvmArguments.stream()
			.anyMatch((argument) -> argument.startsWith("-javaagent:") && argument.contains("opentelemetry"));
		if (agentArgument || agentLoaded) {
			return AGENT;
		}
		return bravePresent ? BRAVE : null;
	}

	private static boolean isAgentLoaded() {
		// The agent puts its bootstrap classes on the boot class path.
		try {
			Class.forName(AGENT_CLASS, false, null);
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

}
