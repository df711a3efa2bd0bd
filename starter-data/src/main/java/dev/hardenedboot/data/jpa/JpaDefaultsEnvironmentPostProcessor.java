package dev.hardenedboot.data.jpa;

import java.util.Map;

import dev.hardenedboot.core.config.LowestPriorityDefaults;

/**
 * Hibernate write batching for what the application leaves unset: 50 inserts of one entity
 * become one round trip instead of 50, and ordering the statements by entity keeps batches
 * whole. Harmless without Hibernate: {@code spring.jpa.properties.*} is read by nothing else.
 *
 * <p>Deliberately not set: {@code spring.jpa.open-in-view} (Boot's default, true, is kept
 * because turning it off under an existing application turns lazy loading in controllers
 * and serializers into run-time {@code LazyInitializationException}s; Boot warns at start-up
 * while it is on), {@code hibernate.jdbc.fetch_size} (PostgreSQL honours it only inside a
 * transaction, MariaDB streams the result and blocks the connection until it is read) and
 * {@code hibernate.default_batch_fetch_size} (it hides N+1 patterns rather than fixing them,
 * and changes the SQL of every lazy association).
 */
public class JpaDefaultsEnvironmentPostProcessor extends LowestPriorityDefaults {

	/** Name of the property source holding the defaults. */
	public static final String PROPERTY_SOURCE_NAME = "hardenedBootJpaDefaults";

	public JpaDefaultsEnvironmentPostProcessor() {
		super(PROPERTY_SOURCE_NAME,
				Map.of("spring.jpa.properties.hibernate.jdbc.batch_size", "50",
						"spring.jpa.properties.hibernate.order_inserts", "true",
						"spring.jpa.properties.hibernate.order_updates", "true"));
	}

}
