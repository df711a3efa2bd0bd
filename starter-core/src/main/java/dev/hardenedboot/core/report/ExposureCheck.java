package dev.hardenedboot.core.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Actuator endpoints that reveal or change the service, exposed on the port the ingress
 * routes to: with one port, whoever reaches the application reaches them.
 */
class ExposureCheck implements HardeningCheck {

	/** Endpoints that hand out secrets or memory, or stop the service. */
	private static final Set<String> DANGEROUS = Set.of("*", "env", "configprops", "heapdump", "threaddump",
			"shutdown", "loggers", "jolokia");

	/** Endpoints that describe the service to an attacker. */
	private static final Set<String> REVEALING = Set.of("beans", "mappings", "conditions", "startup", "scheduledtasks",
			"sbom", "hardening", "caches", "flyway", "liquibase", "sessions", "integrationgraph", "quartz");

	private final Environment environment;

	ExposureCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public List<HardeningFinding> check() {
		Binder binder = Binder.get(this.environment);
		String serverPort = binder.bind("server.port", String.class).orElse("8080");
		String managementPort = binder.bind("management.server.port", String.class).orElse(null);
		if (managementPort != null && !Objects.equals(managementPort, serverPort)) {
			return List.of(HardeningFinding.pass("core", "exposure.main-port",
					"Actuator endpoints are on the management port " + managementPort + ", apart from the main port "
							+ serverPort + "."));
		}
		List<String> exposed = binder
			.bind("management.endpoints.web.exposure.include", Bindable.listOf(String.class))
			.orElse(List.of("health"))
			.stream()
			.map((id) -> id.trim().toLowerCase(Locale.ROOT))
			.toList();
		List<String> dangerous = exposed.stream().filter(DANGEROUS::contains).toList();
		List<String> revealing = exposed.stream().filter(REVEALING::contains).toList();
		List<HardeningFinding> findings = new ArrayList<>();
		String fix = "Set management.server.port to a port the ingress does not route, or remove them from "
				+ "management.endpoints.web.exposure.include.";
		if (!dangerous.isEmpty()) {
			findings.add(HardeningFinding.fail("core", "exposure.main-port", "Endpoints " + dangerous
					+ " hand out secrets or memory, or stop the service, on the main port " + serverPort + ".", fix));
		}
		if (!revealing.isEmpty()) {
			findings.add(HardeningFinding.warn("core", "exposure.main-port",
					"Endpoints " + revealing + " describe the service on the main port " + serverPort + ".", fix));
		}
		if (findings.isEmpty()) {
			findings.add(HardeningFinding.pass("core", "exposure.main-port",
					"The main port exposes only " + exposed + "."));
		}
		return findings;
	}

}
