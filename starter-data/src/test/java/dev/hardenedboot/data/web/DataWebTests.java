package dev.hardenedboot.data.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardenedboot.testsupport.TestServices;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests against {@link DataWebApplication} on this JVM's PostgreSQL database over
 * a real socket; every subclass shares one context. Tracing is on and samples every request,
 * so the deadline, repeated-statement and probe tests also prove that JDBC spans compose with
 * them.
 */
@SpringBootTest(classes = DataWebApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.jpa.hibernate.ddl-auto=create-drop", "spring.datasource.hikari.maximum-pool-size=4",
				"spring.datasource.hikari.connection-timeout=1000", "management.endpoints.web.exposure.include=*",
				"management.endpoint.health.show-details=always", "management.tracing.sampling.probability=1.0" })
@AutoConfigureObservability
public abstract class DataWebTests {

	protected final ObjectMapper json = new ObjectMapper();

	@LocalServerPort
	protected int port;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestServices.postgres().applyTo(registry);
	}

	protected HttpResponse<String> get(String path, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
		if (headers.length > 0) {
			request.headers(headers);
		}
		try {
			return this.client.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
