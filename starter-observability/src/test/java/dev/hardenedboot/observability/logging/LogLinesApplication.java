package dev.hardenedboot.observability.logging;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A web application that logs on its request thread, on an {@code @Async} thread and with an
 * exception, started with the starter's defaults and whatever a test adds.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableAsync
@Import({ LogLinesApplication.Endpoints.class, LogLinesApplication.Background.class })
class LogLinesApplication {

	static final String LOGGER = "orders";

	static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(LogLinesApplication.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "spring.application.name=orders-service",
					"management.tracing.sampling.probability=1.0",
					"spring.info.build.location=classpath:log-lines/build-info.properties")
			.properties(properties)
			.run();
	}

	static String get(ConfigurableApplicationContext context, String path) throws IOException, InterruptedException {
		String port = context.getEnvironment().getProperty("local.server.port");
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("X-Request-ID", "req-42")
				.build(), HttpResponse.BodyHandlers.ofString());
		return response.body();
	}

	@RestController
	static class Endpoints {

		private static final Logger logger = LoggerFactory.getLogger(LOGGER);

		private final Background background;

		Endpoints(Background background) {
			this.background = background;
		}

		@GetMapping("/order")
		String order() {
			MDC.put("tenant", "acme");
			try {
				logger.info("order accepted");
				return this.background.audit().join();
			}
			finally {
				MDC.remove("tenant");
			}
		}

		@GetMapping("/fail")
		String fail() {
			try {
				new Inventory().reserve();
			}
			catch (IllegalStateException ex) {
				logger.error("order failed", ex);
			}
			return "failed";
		}

		@GetMapping("/secrets")
		String secrets() {
			MDC.put("password", "hunter2");
			try {
				logger.atInfo()
					.addKeyValue("X-Api-Key", "k-123456")
					.log("calling pricing with Authorization: Bearer abcdefghijklmnop.qrstu");
				logger.info("token was eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl today");
			}
			finally {
				MDC.remove("password");
			}
			return "ok";
		}

	}

	@Service
	static class Background {

		private static final Logger logger = LoggerFactory.getLogger(LOGGER);

		@Async
		CompletableFuture<String> audit() {
			logger.info("order audited");
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

	}

	/** Fails deep down, under two wrappers, so the root cause is not the outermost exception. */
	static class Inventory {

		void reserve() {
			try {
				query(40);
			}
			catch (RuntimeException ex) {
				throw new IllegalStateException("reservation failed", ex);
			}
		}

		private void query(int depth) {
			if (depth == 0) {
				throw new IllegalArgumentException("stock table locked");
			}
			query(depth - 1);
		}

	}

}
