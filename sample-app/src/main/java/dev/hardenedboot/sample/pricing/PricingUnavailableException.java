package dev.hardenedboot.sample.pricing;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
public class PricingUnavailableException extends RuntimeException {

	public PricingUnavailableException(String sku, Throwable cause) {
		super("Pricing is unavailable for " + sku, cause);
	}

}
