package dev.hardenedboot.data.web;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small order service on JPA and JdbcTemplate: orders with lines loaded lazily (the N+1
 * the sample app shows) and with a fetch join, statements that sleep, and a transaction that
 * reports its own timeout.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EntityScan(basePackageClasses = PurchaseOrder.class)
@EnableJpaRepositories(basePackageClasses = PurchaseOrderRepository.class)
public class DataWebApplication {

	static final int ORDERS = 15;

	@Bean
	RecordedSpans recordedSpans() {
		return new RecordedSpans();
	}

	@Bean
	ApplicationRunner seedOrders(TransactionTemplate transactions, EntityManager entityManager) {
		return (arguments) -> transactions.executeWithoutResult((status) -> {
			for (int i = 0; i < ORDERS; i++) {
				PurchaseOrder order = new PurchaseOrder("customer-" + i);
				entityManager.persist(order);
				entityManager.persist(new OrderLine(order, "sku-" + i + "-a"));
				entityManager.persist(new OrderLine(order, "sku-" + i + "-b"));
			}
		});
	}

	@RestController
	static class OrderController {

		private final PurchaseOrderRepository orders;

		private final JdbcTemplate jdbc;

		private final TimeoutReporter timeouts;

		OrderController(PurchaseOrderRepository orders, JdbcTemplate jdbc, TimeoutReporter timeouts) {
			this.orders = orders;
			this.jdbc = jdbc;
			this.timeouts = timeouts;
		}

		/** Each order's lines loaded lazily, one query per order: the N+1. */
		@GetMapping("/orders")
		List<Map<String, Object>> orders() {
			return this.orders.findAll()
				.stream()
				.map((order) -> Map.<String, Object>of("id", order.getId(), "lines", order.getLines().size()))
				.toList();
		}

		/** The fix: one query with a fetch join. */
		@GetMapping("/orders/joined")
		List<Map<String, Object>> joined() {
			return this.orders.findAllWithLines()
				.stream()
				.map((order) -> Map.<String, Object>of("id", order.getId(), "lines", order.getLines().size()))
				.toList();
		}

		@GetMapping("/orders/{id}/lines")
		Integer lines(@PathVariable long id) {
			return this.jdbc.queryForObject("SELECT count(*) FROM order_line WHERE order_id = ?", Integer.class, id);
		}

		@GetMapping("/sleep")
		String sleep(@RequestParam double seconds) {
			this.jdbc.queryForList("SELECT pg_sleep(?)", seconds);
			return "slept";
		}

		@GetMapping("/one")
		Integer one() {
			return this.jdbc.queryForObject("SELECT 1", Integer.class);
		}

		/** A literal and a bound value that must not reach a span. */
		@GetMapping("/lines/by-sku")
		Integer linesBySku(@RequestParam String sku) {
			return this.jdbc.queryForObject("SELECT count(*) FROM order_line WHERE sku = 'sk-live-literal' OR sku = ?",
					Integer.class, sku);
		}

		/** A statement started after the request's budget is spent: the deadline rejects it. */
		@GetMapping("/late")
		Integer late(@RequestParam long millis) throws InterruptedException {
			Thread.sleep(millis);
			return this.jdbc.queryForObject("SELECT 1", Integer.class);
		}

		@GetMapping("/transaction-timeout")
		Map<String, Object> transactionTimeout() {
			return this.timeouts.inTransaction();
		}

	}

	@Service
	static class TimeoutReporter {

		private final DataSource dataSource;

		TimeoutReporter(DataSource dataSource) {
			this.dataSource = dataSource;
		}

		/** The transaction's own deadline, as Spring bound it to the connection. */
		@Transactional
		public Map<String, Object> inTransaction() {
			ConnectionHolder holder = (ConnectionHolder) TransactionSynchronizationManager.getResource(this.dataSource);
			boolean bounded = holder != null && holder.hasTimeout();
			return Map.of("bounded", bounded, "millis", bounded ? holder.getTimeToLiveInMillis() : -1);
		}

	}

}
