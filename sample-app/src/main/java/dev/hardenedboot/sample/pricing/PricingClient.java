package dev.hardenedboot.sample.pricing;

import java.math.BigDecimal;
import java.net.URI;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Calls the pricing dependency over HTTP. The client comes from Boot's
 * {@link RestClient.Builder}, so the connect and read timeouts of
 * {@code spring.http.client.*} (and every customizer the starters register: the deadline,
 * the host's circuit breaker, stale-if-error) apply.
 */
@Component
public class PricingClient {

	private final RestClient.Builder builder;

	private final URI configuredBaseUrl;

	private volatile RestClient client;

	PricingClient(RestClient.Builder builder, PricingProperties properties) {
		this.builder = builder;
		this.configuredBaseUrl = properties.getBaseUrl();
		if (this.configuredBaseUrl != null) {
			this.client = builder.baseUrl(this.configuredBaseUrl.toString()).build();
		}
	}

	/**
	 * Without a configured base URL the hosted copy is called, whose port is known only once
	 * the main web server (not the management server) has started.
	 * @param event the server start
	 */
	@EventListener
	void onWebServerInitialized(WebServerInitializedEvent event) {
		if (this.configuredBaseUrl == null && event.getApplicationContext().getServerNamespace() == null) {
			this.client = this.builder.baseUrl("http://127.0.0.1:" + event.getWebServer().getPort() + "/pricing")
				.build();
		}
	}

	public BigDecimal unitPrice(String sku) {
		return quote(sku).getBody().unitPrice();
	}

	/**
	 * The pricing service's answer with its headers: when the service is down and the last
	 * good answer is served instead, {@code Warning} and {@code Age} say so.
	 * @param sku the article
	 * @return the answer, never without a price
	 */
	public ResponseEntity<PriceQuote> quote(String sku) {
		RestClient client = this.client;
		if (client == null) {
			throw new PricingUnavailableException(sku, new IllegalStateException("web server not started"));
		}
		try {
			ResponseEntity<PriceQuote> answer = client.get()
				.uri("/prices/{sku}", sku)
				.retrieve()
				.toEntity(PriceQuote.class);
			PriceQuote quote = answer.getBody();
			if (quote == null || quote.unitPrice() == null) {
				throw new PricingUnavailableException(sku, new IllegalStateException("empty price quote"));
			}
			return answer;
		}
		catch (RestClientException ex) {
			throw new PricingUnavailableException(sku, ex);
		}
	}

}
