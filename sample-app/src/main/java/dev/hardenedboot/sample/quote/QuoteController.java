package dev.hardenedboot.sample.quote;

import dev.hardenedboot.sample.pricing.PriceQuote;
import dev.hardenedboot.sample.pricing.PricingClient;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What one article costs now, as the pricing dependency says. A read-only call through the
 * outbound client, so it shows the host's circuit breaker and stale-if-error: a stale
 * answer keeps its {@code Warning} and {@code Age} for this service's own caller, who
 * deserves to know the price may be old.
 */
@RestController
class QuoteController {

	private final PricingClient pricing;

	QuoteController(PricingClient pricing) {
		this.pricing = pricing;
	}

	@GetMapping("/quotes/{sku}")
	ResponseEntity<PriceQuote> quote(@PathVariable @Pattern(regexp = "[A-Z]{2,10}-[0-9]{3}") String sku) {
		ResponseEntity<PriceQuote> answer = this.pricing.quote(sku);
		HttpHeaders staleness = new HttpHeaders();
		for (String name : new String[] { HttpHeaders.WARNING, HttpHeaders.AGE }) {
			String value = answer.getHeaders().getFirst(name);
			if (value != null) {
				staleness.set(name, value);
			}
		}
		return ResponseEntity.ok().headers(staleness).body(answer.getBody());
	}

}
