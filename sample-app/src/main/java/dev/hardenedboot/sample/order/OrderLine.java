package dev.hardenedboot.sample.order;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "order_lines")
public class OrderLine {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "order_id")
	private Order order;

	private String sku;

	private int quantity;

	private BigDecimal unitPrice;

	protected OrderLine() {
	}

	OrderLine(Order order, String sku, int quantity, BigDecimal unitPrice) {
		this.order = order;
		this.sku = sku;
		this.quantity = quantity;
		this.unitPrice = unitPrice;
	}

	BigDecimal subtotal() {
		return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity));
	}

	public Long getId() {
		return this.id;
	}

	public String getSku() {
		return this.sku;
	}

	public int getQuantity() {
		return this.quantity;
	}

	public BigDecimal getUnitPrice() {
		return this.unitPrice;
	}

}
