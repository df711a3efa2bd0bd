package dev.hardenedboot.data.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.hardenedboot.core.report.HardeningCheck;
import dev.hardenedboot.core.report.HardeningFinding;

import org.springframework.core.env.Environment;

/**
 * The two JPA settings whose defaults are fine on a laptop and harmful in production:
 * open-in-view, which keeps a connection for the whole request, view rendering included, and
 * schema generation, which lets the application drop or alter tables on start-up.
 */
class JpaCheck implements HardeningCheck {

	/** Profiles in which generating the schema is a convenience rather than a risk. */
	static final Set<String> SCHEMA_GENERATION_PROFILES = Set.of("local", "dev", "test");

	private final Environment environment;

	JpaCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public List<HardeningFinding> check() {
		return List.of(openInView(), ddlAuto());
	}

	private HardeningFinding openInView() {
		String value = this.environment.getProperty("spring.jpa.open-in-view");
		if (value != null && !Boolean.parseBoolean(value.trim())) {
			return HardeningFinding.pass("data", "jpa.open-in-view",
					"spring.jpa.open-in-view=false: a request holds a connection only inside its transactions.");
		}
		return HardeningFinding.warn("data", "jpa.open-in-view", "spring.jpa.open-in-view is "
				+ ((value != null) ? value : "unset (Boot's default: true)")
				+ ": every request holds a pooled connection from its first query until its response is written, "
				+ "slow clients and view rendering included, so the pool runs dry long before the database is busy.",
				"Set spring.jpa.open-in-view=false and load what the response needs inside the transaction "
						+ "(fetch joins or DTO queries); lazy loading outside it then fails fast with a "
						+ "LazyInitializationException instead of borrowing a connection. See docs/data.md.");
	}

	private HardeningFinding ddlAuto() {
		String property = "spring.jpa.hibernate.ddl-auto";
		String value = this.environment.getProperty(property);
		if (value == null) {
			property = "spring.jpa.properties.hibernate.hbm2ddl.auto";
			value = this.environment.getProperty(property);
		}
		String mode = (value != null) ? value.trim().toLowerCase(Locale.ROOT).replace('_', '-') : "";
		boolean destructive = mode.equals("create") || mode.equals("create-drop");
		if (!destructive && !mode.equals("update")) {
			return HardeningFinding.pass("data", "jpa.ddl-auto", (value != null) ? property + "=" + value
					+ ": the application does not change the schema."
					: "spring.jpa.hibernate.ddl-auto is unset: Boot generates the schema only for an embedded "
							+ "database.");
		}
		List<String> development = Arrays.stream(this.environment.getActiveProfiles())
			.filter(SCHEMA_GENERATION_PROFILES::contains)
			.toList();
		if (!development.isEmpty()) {
			return HardeningFinding.pass("data", "jpa.ddl-auto",
					property + "=" + value + " in development profile " + development + ".");
		}
		String fix = "Set " + property + "=validate (or none) outside the local, dev and test profiles and manage "
				+ "the schema with migrations (Flyway or Liquibase).";
		if (destructive) {
			return HardeningFinding.fail("data", "jpa.ddl-auto", property + "=" + value + " outside the local, dev "
					+ "and test profiles: the application drops and recreates its tables, with their data, on "
					+ "start-up.", fix);
		}
		return HardeningFinding.warn("data", "jpa.ddl-auto", property + "=update outside the local, dev and test "
				+ "profiles: every instance alters the schema on start-up, unreviewed and never dropping what it "
				+ "no longer needs.", fix);
	}

}
