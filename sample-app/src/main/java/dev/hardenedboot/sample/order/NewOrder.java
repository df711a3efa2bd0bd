package dev.hardenedboot.sample.order;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A request to place an order. Prices are not the client's to choose: each line is priced
 * by the pricing dependency.
 */
public record NewOrder(@NotBlank @Email @Size(max = 100) String customer,
		@NotEmpty @Size(max = 50) List<@Valid Line> lines) {

	public record Line(@NotBlank @Pattern(regexp = "[A-Z]{2,10}-[0-9]{3}") String sku,
			@Positive @Max(1000) int quantity) {
	}

}
