package dev.hardenedboot.core.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Timeouts nest from the outside in: an outbound read that may outlast the request it serves
 * holds a thread and a pooled connection for an answer nobody waits for, and a connector
 * without a connection timeout keeps idle sockets forever.
 */
class TimeoutNestingCheck implements HardeningCheck {

	private final Environment environment;

	TimeoutNestingCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public List<HardeningFinding> check() {
		Binder binder = Binder.get(this.environment);
		List<HardeningFinding> findings = new ArrayList<>();
		boolean deadlines = binder.bind("hardened.request.enabled", Boolean.class).orElse(true);
		Duration request = binder.bind("hardened.request.timeout", Duration.class).orElse(Duration.ofSeconds(30));
		if (!deadlines) {
			findings.add(HardeningFinding.warn("core", "timeouts.request-deadline",
					"Requests have no deadline (hardened.request.enabled=false): a slow dependency holds request "
							+ "threads for as long as it likes.",
					"Remove hardened.request.enabled=false; see docs/core.md."));
		}
		Duration read = binder.bind("spring.http.client.read-timeout", Duration.class).orElse(null);
		if (read == null || read.isZero() || read.isNegative()) {
			findings.add(HardeningFinding.warn("core", "timeouts.outbound-read",
					"Outbound HTTP clients have no read timeout (spring.http.client.read-timeout unset).",
					"Set spring.http.client.read-timeout below hardened.request.timeout (" + request + ")."));
		}
		else if (deadlines && read.compareTo(request) >= 0) {
			findings.add(HardeningFinding.warn("core", "timeouts.outbound-read",
					"The outbound read timeout (" + read + ") is not below the request timeout (" + request
							+ "): a call may outlast the request it serves.",
					"Set spring.http.client.read-timeout below " + request + "."));
		}
		else {
			findings.add(HardeningFinding.pass("core", "timeouts.outbound-read",
					"Outbound read timeout " + read + ", request timeout " + request + "."));
		}
		if (ClassUtils.isPresent("org.apache.catalina.startup.Tomcat", getClass().getClassLoader())) {
			Duration connection = binder.bind("server.tomcat.connection-timeout", Duration.class).orElse(null);
			findings.add((connection != null && !connection.isNegative() && !connection.isZero())
					? HardeningFinding.pass("core", "timeouts.tomcat-connection",
							"Tomcat closes a connection that sends nothing for " + connection + ".")
					: HardeningFinding.warn("core", "timeouts.tomcat-connection",
							"Tomcat's connection timeout is not set: idle or slow clients keep their sockets.",
							"Set server.tomcat.connection-timeout (Hardened Boot's default is 5s)."));
		}
		return findings;
	}

}
