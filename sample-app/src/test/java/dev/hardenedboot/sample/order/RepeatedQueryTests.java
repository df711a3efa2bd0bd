package dev.hardenedboot.sample.order;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardenedboot.sample.SampleAppIntegrationTests;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample's deliberate N+1 (GET /orders loads each order's lines on its own) is found by
 * starter-data's repeated-statement guard; the fetch-join version (GET /orders/with-lines)
 * answers the same orders and is not.
 */
class RepeatedQueryTests extends SampleAppIntegrationTests {

	private static final String METRIC = "hardened.data.repeated.queries";

	@Autowired
	private OrderRepository orders;

	@Autowired
	private MeterRegistry meters;

	@BeforeEach
	void enoughOrdersToRepeatPastTheThreshold() {
		// The guard's threshold is 10 runs of one statement shape per request.
		while (this.orders.count() < 15) {
			Order order = new Order("n-plus-one@example.com", Instant.now());
			order.addLine("BOOK-001", 1, new BigDecimal("39.90"));
			this.orders.save(order);
		}
	}

	@Test
	void naiveListingIsReportedAndTheFetchJoinIsNot() {
		double naiveBefore = repeated("/orders");
		ResponseEntity<JsonNode> naive = get("/orders?limit=15");
		assertThat(naive.getStatusCode()).isEqualTo(HttpStatus.OK);
		// Counted as the request ends, on the server's thread: the client may read first.
		await().atMost(Duration.ofSeconds(5)).until(() -> repeated("/orders") == naiveBefore + 1);

		double joinedBefore = repeated("/orders/with-lines");
		ResponseEntity<JsonNode> joined = get("/orders/with-lines?limit=15");
		assertThat(joined.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(repeated("/orders/with-lines")).isEqualTo(joinedBefore);
		assertThat(joined.getBody()).isEqualTo(naive.getBody());
	}

	private double repeated(String route) {
		Counter counter = this.meters.find(METRIC).tag("route", route).counter();
		return (counter != null) ? counter.count() : 0;
	}

}
