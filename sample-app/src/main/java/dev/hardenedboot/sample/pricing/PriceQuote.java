package dev.hardenedboot.sample.pricing;

import java.math.BigDecimal;

public record PriceQuote(String sku, BigDecimal unitPrice, String currency) {

}
