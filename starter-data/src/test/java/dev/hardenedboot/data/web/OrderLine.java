package dev.hardenedboot.data.web;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

@Entity
@Table(name = "order_line")
public class OrderLine {

	@Id
	@GeneratedValue
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY)
	private PurchaseOrder order;

	private String sku;

	protected OrderLine() {
	}

	public OrderLine(PurchaseOrder order, String sku) {
		this.order = order;
		this.sku = sku;
	}

	public String getSku() {
		return this.sku;
	}

}
