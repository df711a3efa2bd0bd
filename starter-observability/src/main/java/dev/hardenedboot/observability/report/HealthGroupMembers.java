package dev.hardenedboot.observability.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.hardenedboot.observability.health.BoundedHealthContributors;

import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthEndpointGroup;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.lang.Nullable;

/**
 * The health contributors a probe group runs, with what each one is: its name and the types
 * of the indicators behind it, read through the starter's bounds.
 */
final class HealthGroupMembers {

	/** Names Boot, starter-data and starter-resilience give to checks of something outside the process. */
	private static final Set<String> EXTERNAL_NAMES = Set.of("db", "redis", "circuitbreakers", "ratelimiters",
			"writabletables", "databasereadonly", "hikaripool", "r2dbc", "mongo", "rabbit", "jms", "mail", "ldap",
			"cassandra", "couchbase", "elasticsearch", "neo4j", "influxdb", "hazelcast");

	/** Packages of indicators that call a server. */
	private static final List<String> EXTERNAL_PACKAGES = List.of("org.springframework.boot.actuate.jdbc.",
			"org.springframework.boot.actuate.r2dbc.", "org.springframework.boot.actuate.data.",
			"org.springframework.boot.actuate.amqp.", "org.springframework.boot.actuate.jms.",
			"org.springframework.boot.actuate.mail.", "org.springframework.boot.actuate.ldap.",
			"org.springframework.boot.actuate.cassandra.", "org.springframework.boot.actuate.couchbase.",
			"org.springframework.boot.actuate.elasticsearch.", "org.springframework.boot.actuate.neo4j.",
			"org.springframework.boot.actuate.hazelcast.", "dev.hardenedboot.data.", "io.github.resilience4j.");

	/** What an application's own indicator of a database, Redis or breaker tends to be called. */
	private static final List<String> EXTERNAL_TYPE_WORDS = List.of("DataSource", "Jdbc", "Redis", "CircuitBreaker",
			"Hikari");

	/** Packages whose indicators look only at this process. */
	private static final List<String> PROCESS_PACKAGES = List.of("org.springframework.boot.",
			"dev.hardenedboot.observability.health.");

	private HealthGroupMembers() {
	}

	/**
	 * The members of a group: each top-level contributor in it, or each member of a composite
	 * that the group names one by one ({@code db/primary}).
	 */
	static List<Member> of(HealthEndpointGroup group, HealthContributorRegistry registry) {
		List<Member> members = new ArrayList<>();
		for (NamedContributor<HealthContributor> named : registry) {
			HealthContributor contributor = named.getContributor();
			if (group.isMember(named.getName())) {
				members.add(new Member(named.getName(), indicatorTypes(contributor)));
			}
			else if (contributor instanceof CompositeHealthContributor composite) {
				for (NamedContributor<HealthContributor> child : composite) {
					String path = named.getName() + "/" + child.getName();
					if (group.isMember(path)) {
						members.add(new Member(path, indicatorTypes(child.getContributor())));
					}
				}
			}
		}
		return members;
	}

	private static List<Class<?>> indicatorTypes(HealthContributor contributor) {
		List<Class<?>> types = new ArrayList<>();
		HealthContributor unwrapped = BoundedHealthContributors.unwrap(contributor);
		if (unwrapped instanceof CompositeHealthContributor composite) {
			composite.forEach((child) -> types.addAll(indicatorTypes(child.getContributor())));
		}
		else {
			types.add(unwrapped.getClass());
		}
		return types;
	}

	static String simpleName(Class<?> type) {
		return type.getSimpleName().isEmpty() ? type.getName() : type.getSimpleName();
	}

	static String names(List<Member> members) {
		return members.stream().map(Member::name).collect(Collectors.joining(", ", "[", "]"));
	}

	/**
	 * A member of a group.
	 *
	 * @param name its name in the group, {@code db} or {@code db/primary}
	 * @param types the types of the indicators it runs
	 */
	record Member(String name, List<Class<?>> types) {

		/**
		 * Why this member checks something outside the process.
		 * @return the reason, or {@code null} when nothing says it does
		 */
		@Nullable
		String external() {
			String topLevel = this.name.split("/", 2)[0];
			if (EXTERNAL_NAMES.contains(topLevel.toLowerCase(Locale.ROOT))) {
				return "'" + topLevel + "' is the name of a check of a server";
			}
			for (Class<?> type : this.types) {
				for (Class<?> candidate = type; candidate != null && candidate != Object.class; candidate = candidate
					.getSuperclass()) {
					String className = candidate.getName();
					if (EXTERNAL_PACKAGES.stream().anyMatch(className::startsWith)
							|| EXTERNAL_TYPE_WORDS.stream().anyMatch(candidate.getSimpleName()::contains)) {
						return "it runs " + simpleName(type);
					}
				}
			}
			return null;
		}

		boolean breaker() {
			return this.name.split("/", 2)[0].equalsIgnoreCase("circuitBreakers")
					|| this.types.stream().anyMatch((type) -> type.getName().contains("CircuitBreaker"));
		}

		/**
		 * Whether every indicator behind this member is Boot's or the starter's own process
		 * check; the application's own indicators cannot be told apart.
		 */
		boolean known() {
			return this.types.stream()
				.allMatch((type) -> PROCESS_PACKAGES.stream().anyMatch(type.getName()::startsWith));
		}

		String describe() {
			return this.name + " ("
					+ this.types.stream()
						.map(HealthGroupMembers::simpleName)
						.distinct()
						.collect(Collectors.joining(", "))
					+ ")";
		}

	}

}
