package dev.hardenedboot.core.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.hardenedboot.core.security.DrainAutoConfiguration;
import dev.hardenedboot.core.security.ShutdownProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * A shutdown that finishes the requests in flight, after load balancers have stopped sending
 * new ones: otherwise every deployment drops requests.
 */
class ShutdownCheck implements HardeningCheck {

	private final Environment environment;

	ShutdownCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public List<HardeningFinding> check() {
		Binder binder = Binder.get(this.environment);
		List<HardeningFinding> findings = new ArrayList<>();
		String shutdown = binder.bind("server.shutdown", String.class).orElse("immediate");
		findings.add(shutdown.equalsIgnoreCase("graceful")
				? HardeningFinding.pass("core", "shutdown.graceful", "Shutdown lets requests in flight finish.")
				: HardeningFinding.warn("core", "shutdown.graceful",
						"server.shutdown=" + shutdown + ": requests in flight are cut off on every deployment.",
						"Set server.shutdown=graceful."));
		ShutdownProperties properties = binder.bindOrCreate("hardened.shutdown", ShutdownProperties.class);
		Duration drain = properties.isEnabled() ? DrainAutoConfiguration.drainDelay(properties, this.environment)
				: Duration.ZERO;
		findings.add((!drain.isNegative() && !drain.isZero())
				? HardeningFinding.pass("core", "shutdown.drain-delay",
						"Shutdown keeps serving for " + drain + " after readiness turns to refusing traffic.")
				: HardeningFinding.warn("core", "shutdown.drain-delay",
						"No drain delay: the connector stops while load balancers may still send requests.",
						"Set hardened.shutdown.drain-delay (5s is the default on Kubernetes) and keep "
								+ "terminationGracePeriodSeconds above it plus the shutdown timeout."));
		return findings;
	}

}
