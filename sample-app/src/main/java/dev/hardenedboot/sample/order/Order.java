package dev.hardenedboot.sample.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

@Entity
@Table(name = "orders")
public class Order {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String customer;

	@Enumerated(EnumType.STRING)
	private OrderStatus status;

	private Instant createdAt;

	// Lazy on purpose: listing orders and then touching each order's lines is the N+1
	// query pattern the data starter detects.
	@OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("id")
	private List<OrderLine> lines = new ArrayList<>();

	protected Order() {
	}

	public Order(String customer, Instant createdAt) {
		this.customer = customer;
		this.status = OrderStatus.PLACED;
		this.createdAt = createdAt;
	}

	public void addLine(String sku, int quantity, BigDecimal unitPrice) {
		this.lines.add(new OrderLine(this, sku, quantity, unitPrice));
	}

	public BigDecimal total() {
		return this.lines.stream().map(OrderLine::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	public Long getId() {
		return this.id;
	}

	public String getCustomer() {
		return this.customer;
	}

	public OrderStatus getStatus() {
		return this.status;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public List<OrderLine> getLines() {
		return this.lines;
	}

}
