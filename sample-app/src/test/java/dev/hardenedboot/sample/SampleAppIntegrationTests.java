package dev.hardenedboot.sample;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardenedboot.testsupport.TestServices;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The sample app on a real Tomcat (random ports, management on its own port) against a real
 * PostgreSQL from the shared test support. Subclasses share one cached context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "spring.http.client.read-timeout=500ms" })
public abstract class SampleAppIntegrationTests {

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestServices.postgres().applyTo(registry);
	}

	protected ResponseEntity<JsonNode> get(String path) {
		return client(this.port).get().uri(path).retrieve().toEntity(JsonNode.class);
	}

	protected ResponseEntity<JsonNode> getFromManagement(String path) {
		return client(this.managementPort).get().uri(path).retrieve().toEntity(JsonNode.class);
	}

	protected ResponseEntity<JsonNode> send(String method, String path, String json) {
		return client(this.port).method(HttpMethod.valueOf(method))
			.uri(path)
			.contentType(MediaType.APPLICATION_JSON)
			.body(json)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private static RestClient client(int port) {
		// Every status is an answer to assert on, not an exception.
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

}
