package dev.hardenedboot.sample.pricing;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardenedboot.sample.SampleAppIntegrationTests;
import dev.hardenedboot.sample.order.OrderRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pricing dependency's switches, seen from the order API: an outage and a slow
 * dependency both end in a bounded 503 and leave nothing half-written.
 */
class PricingFaultTests extends SampleAppIntegrationTests {

	private static final String ORDER = "{\"customer\":\"barbara@example.com\","
			+ "\"lines\":[{\"sku\":\"LAMP-007\",\"quantity\":1}]}";

	@Autowired
	private PricingFaults faults;

	@Autowired
	private OrderRepository orders;

	@AfterEach
	void resetFaults() {
		this.faults.apply(PricingFaults.Settings.NONE);
	}

	@Test
	void pricingOutageAnswers503AndStoresNothing() {
		long before = this.orders.count();
		assertThat(send("PUT", "/pricing/faults", "{\"latency\":\"0ms\",\"failureRate\":1}").getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(send("POST", "/orders", ORDER).getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(this.orders.count()).isEqualTo(before);
	}

	@Test
	void slowPricingIsCutByTheClientReadTimeout() {
		// The tests' read timeout is 500 ms; the dependency now takes 5 s.
		this.faults.apply(new PricingFaults.Settings(Duration.ofSeconds(5), 0));
		long start = System.nanoTime();
		ResponseEntity<JsonNode> response = send("POST", "/orders", ORDER);
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
		assertThat(took).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void faultsAreReadableAndValidated() {
		assertThat(send("PUT", "/pricing/faults", "{\"latency\":\"250ms\",\"failureRate\":0.5}").getBody()
			.get("failureRate")
			.asDouble()).isEqualTo(0.5);
		assertThat(get("/pricing/faults").getBody().get("failureRate").asDouble()).isEqualTo(0.5);
		assertThat(send("PUT", "/pricing/faults", "{\"latency\":\"0ms\",\"failureRate\":2}").getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(send("PUT", "/pricing/faults", "{\"latency\":\"-1s\",\"failureRate\":0}").getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(this.faults.current().failureRate()).isEqualTo(0.5);
	}

}
