package dev.hardenedboot.sample.order;

public enum OrderStatus {

	PLACED, SHIPPED, CANCELLED

}
