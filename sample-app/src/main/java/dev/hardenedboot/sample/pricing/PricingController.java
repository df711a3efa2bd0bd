package dev.hardenedboot.sample.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The "pricing" dependency, hosted in the sample so it needs nothing else to run. In a real
 * deployment it is another service; {@code sample.pricing.base-url} points there.
 */
@RestController
@RequestMapping("/pricing")
class PricingController {

	private final PricingFaults faults;

	PricingController(PricingFaults faults) {
		this.faults = faults;
	}

	@GetMapping("/prices/{sku}")
	ResponseEntity<PriceQuote> price(@PathVariable String sku) throws InterruptedException {
		if (this.faults.injectFault()) {
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
		}
		return ResponseEntity.ok(new PriceQuote(sku, listPrice(sku), "EUR"));
	}

	@GetMapping("/faults")
	FaultSwitches faults() {
		return FaultSwitches.of(this.faults.current());
	}

	@PutMapping("/faults")
	FaultSwitches applyFaults(@Valid @RequestBody FaultSwitches switches) {
		this.faults.apply(new PricingFaults.Settings(DurationStyle.detectAndParse(switches.latency()),
				switches.failureRate()));
		return FaultSwitches.of(this.faults.current());
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalidFaults(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

	/**
	 * The switches as JSON; the latency is written as in {@code application.yaml}
	 * ({@code 250ms}, {@code 2s}).
	 *
	 * @param latency delay added to every lookup
	 * @param failureRate share of lookups answered with 503, from 0 to 1
	 */
	record FaultSwitches(@NotBlank String latency, @DecimalMin("0") @DecimalMax("1") double failureRate) {

		static FaultSwitches of(PricingFaults.Settings settings) {
			return new FaultSwitches(settings.latency().toMillis() + "ms", settings.failureRate());
		}

	}

	/**
	 * A stable price per SKU, between 1.00 and 100.99, so responses are reproducible.
	 */
	static BigDecimal listPrice(String sku) {
		int cents = 100 + Math.floorMod(sku.hashCode(), 10_000);
		return BigDecimal.valueOf(cents).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
	}

}
