package dev.hardenedboot.sample.order;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardenedboot.sample.SampleAppIntegrationTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class OrderApiTests extends SampleAppIntegrationTests {

	@Autowired
	private OrderRepository orders;

	@Test
	void seededOrderIsServedFromTheMigratedDatabase() {
		ResponseEntity<JsonNode> response = get("/orders/1");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode order = response.getBody();
		assertThat(order.get("customer").asText()).isEqualTo("ada@example.com");
		assertThat(order.get("lines")).hasSize(2);
		assertThat(order.get("lines").get(0).get("sku").asText()).isEqualTo("BOOK-001");
		assertThat(order.get("total").decimalValue()).isEqualByComparingTo("47.40");
	}

	@Test
	void unknownOrderIsANotFoundProblemWithTheRequestId() {
		ResponseEntity<JsonNode> response = get("/orders/987654");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(response.getBody().get("code").asText()).isEqualTo("NOT_FOUND");
		assertThat(response.getBody().get("request_id").asText())
			.isEqualTo(response.getHeaders().getFirst("X-Request-ID"));
	}

	@Test
	void placedOrderIsPricedByTheDependencyOverHttpAndCanBeReadBack() {
		ResponseEntity<JsonNode> placed = send("POST", "/orders",
				"{\"customer\":\"alan@example.com\",\"lines\":[{\"sku\":\"BOOK-001\",\"quantity\":2},"
						+ "{\"sku\":\"MUG-013\",\"quantity\":1}]}");
		assertThat(placed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode order = placed.getBody();
		BigDecimal book = listPrice("BOOK-001");
		BigDecimal mug = listPrice("MUG-013");
		assertThat(order.get("lines").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo(book);
		assertThat(order.get("total").decimalValue()).isEqualByComparingTo(book.multiply(BigDecimal.valueOf(2)).add(mug));
		String location = placed.getHeaders().getLocation().getPath();
		assertThat(location).isEqualTo("/orders/" + order.get("id").asLong());
		ResponseEntity<JsonNode> readBack = get(location);
		assertThat(readBack.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(readBack.getBody().get("lines")).hasSize(2);
	}

	private BigDecimal listPrice(String sku) {
		return get("/pricing/prices/" + sku).getBody().get("unitPrice").decimalValue();
	}

	@Test
	void invalidOrderIsRejectedAndNothingIsStored() {
		long before = this.orders.count();
		ResponseEntity<JsonNode> response = send("POST", "/orders",
				"{\"customer\":\"\",\"lines\":[{\"sku\":\"lowercase\",\"quantity\":0}]}");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().get("code").asText()).isEqualTo("VALIDATION_FAILED");
		assertThat(response.getBody().get("errors").findValuesAsText("field")).contains("customer", "lines[0].sku",
				"lines[0].quantity");
		assertThat(this.orders.count()).isEqualTo(before);
	}

	@Test
	void recentOrdersAreNewestFirstAndBounded() {
		ResponseEntity<JsonNode> response = get("/orders?limit=2");
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode list = response.getBody();
		assertThat(list).hasSize(2);
		assertThat(list.get(0).get("createdAt").asText()).isGreaterThanOrEqualTo(list.get(1).get("createdAt").asText());
		assertThat(get("/orders?limit=0").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(get("/orders?limit=1000").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

}
