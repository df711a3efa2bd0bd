package dev.hardenedboot.sample.order;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/orders")
class OrderController {

	private final OrderService orders;

	OrderController(OrderService orders) {
		this.orders = orders;
	}

	@GetMapping("/{id}")
	OrderView order(@PathVariable long id) {
		return this.orders.find(id);
	}

	@GetMapping
	List<OrderView> recent(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		return this.orders.recent(limit);
	}

	/**
	 * The same list without the N+1: compare the WARN of GET /orders with the silence here.
	 */
	@GetMapping("/with-lines")
	List<OrderView> recentWithLines(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
		return this.orders.recentWithLines(limit);
	}

	@PostMapping
	ResponseEntity<OrderView> place(@Valid @RequestBody NewOrder request) {
		OrderView placed = this.orders.place(request);
		URI location = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{id}")
			.buildAndExpand(placed.id())
			.toUri();
		return ResponseEntity.created(location).body(placed);
	}

}
