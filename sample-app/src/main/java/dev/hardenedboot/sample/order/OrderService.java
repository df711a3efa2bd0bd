package dev.hardenedboot.sample.order;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.hardenedboot.sample.pricing.PricingClient;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class OrderService {

	private final OrderRepository orders;

	private final PricingClient pricing;

	private final Clock clock;

	OrderService(OrderRepository orders, PricingClient pricing) {
		this.orders = orders;
		this.pricing = pricing;
		this.clock = Clock.systemUTC();
	}

	@Transactional(readOnly = true)
	public OrderView find(long id) {
		return this.orders.findById(id).map(OrderView::of).orElseThrow(() -> new OrderNotFoundException(id));
	}

	/**
	 * The newest orders. Deliberately naive: one query for the orders, then one per order
	 * for its lines (N+1), so the data starter's repeated-query guard has something to find.
	 */
	@Transactional(readOnly = true)
	public List<OrderView> recent(int limit) {
		PageRequest page = PageRequest.of(0, limit, Sort.by(Sort.Direction.DESC, "createdAt", "id"));
		return this.orders.findAll(page).map(OrderView::of).toList();
	}

	/**
	 * The newest orders, the fixed way: a page of ids, then the orders with their lines in one
	 * fetch join, two statements however many orders there are.
	 */
	@Transactional(readOnly = true)
	public List<OrderView> recentWithLines(int limit) {
		List<Long> ids = this.orders.newestIds(PageRequest.of(0, limit));
		Map<Long, Order> byId = this.orders.findWithLines(ids)
			.stream()
			.collect(Collectors.toMap(Order::getId, Function.identity()));
		return ids.stream().map(byId::get).map(OrderView::of).toList();
	}

	/**
	 * Places an order. Prices are fetched before the transaction opens, so a slow pricing
	 * dependency never holds a pooled connection.
	 */
	public OrderView place(NewOrder request) {
		Order order = new Order(request.customer(), Instant.now(this.clock));
		for (NewOrder.Line line : request.lines()) {
			order.addLine(line.sku(), line.quantity(), this.pricing.unitPrice(line.sku()));
		}
		return OrderView.of(this.orders.save(order));
	}

}
