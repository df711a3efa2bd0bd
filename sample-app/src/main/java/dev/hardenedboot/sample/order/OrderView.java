package dev.hardenedboot.sample.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The JSON shape of an order. Entities never leave the transaction: with open-in-view off,
 * everything a response needs is read inside the service.
 */
public record OrderView(long id, String customer, OrderStatus status, Instant createdAt, BigDecimal total,
		List<Line> lines) {

	static OrderView of(Order order) {
		List<Line> lines = order.getLines()
			.stream()
			.map((line) -> new Line(line.getSku(), line.getQuantity(), line.getUnitPrice()))
			.toList();
		return new OrderView(order.getId(), order.getCustomer(), order.getStatus(), order.getCreatedAt(),
				order.total(), lines);
	}

	public record Line(String sku, int quantity, BigDecimal unitPrice) {
	}

}
