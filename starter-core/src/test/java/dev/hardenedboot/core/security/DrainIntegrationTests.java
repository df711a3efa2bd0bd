package dev.hardenedboot.core.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.hardenedboot.core.web.HttpProbe;
import dev.hardenedboot.core.web.RequestContextTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shutdown under a steady stream of requests: a client that polls readiness, as a load
 * balancer does, stops sending once readiness reads DOWN, and every request it sent before
 * that succeeded, because the connector still answers through the drain delay.
 */
class DrainIntegrationTests {

	@Test
	void readinessGoesDownBeforeTheConnectorCloses() throws Exception {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(RequestContextTestApplication.class)
			.properties("server.port=0", "management.endpoint.health.probes.enabled=true",
					"hardened.shutdown.drain-delay=1500ms", "spring.main.banner-mode=off")
			.run();
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpProbe http = new HttpProbe(port);
		assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

		List<Integer> statuses = new ArrayList<>();
		long[] readinessDownAt = new long[1];
		CompletableFuture<Void> client = CompletableFuture.runAsync(() -> {
			while (true) {
				HttpResponse<String> readiness = http.get("/actuator/health/readiness");
				if (readiness.statusCode() != 200) {
					readinessDownAt[0] = System.nanoTime();
					// The balancer's last look: the instance still answers while it drains.
					statuses.add(http.get("/context/after-readiness").statusCode());
					return;
				}
				statuses.add(http.get("/context/1").statusCode());
			}
		});
		Thread.sleep(300);
		long closeStarted = System.nanoTime();
		context.close();
		long closed = System.nanoTime();
		client.get();

		assertThat(statuses).isNotEmpty().containsOnly(200);
		assertThat(readinessDownAt[0]).isGreaterThan(closeStarted);
		assertThat(Duration.ofNanos(closed - readinessDownAt[0])).isGreaterThan(Duration.ofMillis(1_000));
		assertThat(refused(http)).isTrue();
		System.out.printf("drain: %d requests answered 200 during shutdown; readiness DOWN %d ms after close began, "
				+ "connector closed %d ms after that%n", statuses.size(),
				Duration.ofNanos(readinessDownAt[0] - closeStarted).toMillis(),
				Duration.ofNanos(closed - readinessDownAt[0]).toMillis());
	}

	private static boolean refused(HttpProbe http) {
		try {
			http.get("/context/1");
			return false;
		}
		catch (UncheckedIOException ex) {
			return ex.getCause() instanceof IOException;
		}
	}

}
