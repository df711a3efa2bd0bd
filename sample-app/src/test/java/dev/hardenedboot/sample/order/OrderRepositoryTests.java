package dev.hardenedboot.sample.order;

import java.math.BigDecimal;
import java.time.Instant;

import dev.hardenedboot.testsupport.TestServices;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mapping and the Flyway migrations against a real PostgreSQL.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class OrderRepositoryTests {

	@Autowired
	private OrderRepository orders;

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private JdbcTemplate jdbc;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestServices.postgres().applyTo(registry);
	}

	@Test
	void runsOnRealPostgresWithTheMigratedSchema() {
		assertThat(this.jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL");
		assertThat(this.jdbc.queryForList("select version from flyway_schema_history order by installed_rank",
				String.class))
			.containsExactly("1", "2", "3");
	}

	@Test
	void seededOrderHasItsLinesInOrder() {
		Order order = this.orders.findById(1L).orElseThrow();
		assertThat(order.getLines()).extracting(OrderLine::getSku).containsExactly("BOOK-001", "PEN-042");
		assertThat(order.total()).isEqualByComparingTo("47.40");
	}

	@Test
	void linesAreStoredWithTheirOrderAndRemovedWithIt() {
		Order order = new Order("kathleen@example.com", Instant.parse("2026-02-01T10:00:00Z"));
		order.addLine("BOOK-003", 2, new BigDecimal("12.50"));
		order.addLine("PEN-042", 1, new BigDecimal("2.50"));
		long id = this.orders.saveAndFlush(order).getId();
		this.entityManager.clear();

		Order reloaded = this.orders.findById(id).orElseThrow();
		assertThat(reloaded.getLines()).hasSize(2);
		assertThat(reloaded.total()).isEqualByComparingTo("27.50");
		assertThat(reloaded.getStatus()).isEqualTo(OrderStatus.PLACED);

		this.orders.delete(reloaded);
		this.orders.flush();
		assertThat(this.jdbc.queryForObject("select count(*) from order_lines where order_id = ?", Long.class, id))
			.isZero();
	}

}
