package dev.hardenedboot.observability.metrics;

import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class UriCardinalityGuardTests {

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	private final Logger logger = (Logger) LoggerFactory.getLogger(UriCardinalityGuard.class);

	private final UriCardinalityGuard guard = new UriCardinalityGuard(Set.of("http.server.requests"), 4);

	private final MeterRegistry registry = new SimpleMeterRegistry();

	@BeforeEach
	void setUp() {
		this.logs.start();
		this.logger.addAppender(this.logs);
		this.registry.config().meterFilter(this.guard);
		this.guard.bindTo(this.registry);
	}

	@AfterEach
	void tearDown() {
		this.logger.detachAppender(this.logs);
	}

	@Test
	void collapsesIdentifierSegmentsOfRawPaths() {
		assertThat(UriCardinalityGuard.collapse("/orders/42")).isEqualTo("/orders/{id}");
		assertThat(UriCardinalityGuard.collapse("/users/3f2b8c1e-9d4a-4b7e-8c2d-1a2b3c4d5e6f/cart"))
			.isEqualTo("/users/{id}/cart");
		assertThat(UriCardinalityGuard.collapse("/blobs/deadbeef0042")).isEqualTo("/blobs/{id}");
		assertThat(UriCardinalityGuard.collapse("/orders/{orderId}/items")).isEqualTo("/orders/{orderId}/items");
		assertThat(UriCardinalityGuard.collapse("/v2/added/feed")).isEqualTo("/v2/added/feed");
		assertThat(UriCardinalityGuard.collapse("UNKNOWN")).isEqualTo("UNKNOWN");
	}

	@Test
	void foldsNewValuesIntoOtherPastTheCapAndCountsThem() {
		for (String uri : new String[] { "/a", "/b", "/c", "/d", "/e", "/a" }) {
			this.registry.timer("http.server.requests", "uri", uri, "method", "GET").record(java.time.Duration.ofMillis(1));
		}
		assertThat(this.registry.find("http.server.requests").timers()).extracting((timer) -> timer.getId().getTag("uri"))
			.containsExactlyInAnyOrder("/a", "/b", "/c", "OTHER");
		assertThat(this.registry.get("http.server.requests").tag("uri", "OTHER").timer().count()).isEqualTo(2);
		assertThat(this.registry.get("hardened.metrics.tags.folded")
			.tag("meter", "http.server.requests")
			.tag("tag", "uri")
			.functionCounter()
			.count()).isEqualTo(2);
		assertThat(this.logs.list).filteredOn((event) -> event.getLevel() == Level.WARN)
			.singleElement()
			.satisfies((event) -> assertThat(event.getFormattedMessage()).contains("http.server.requests",
					"hardened.metrics.max-uri-tags", "uri=\"OTHER\""));
	}

	@Test
	void companionMetersShareTheTimersValues() {
		this.registry.more().longTaskTimer("http.server.requests.active", "uri", "/orders/7").start().stop();
		this.registry.timer("http.server.requests", "uri", "/orders/8").record(java.time.Duration.ofMillis(1));
		assertThat(this.registry.get("http.server.requests.active").longTaskTimer().getId().getTag("uri"))
			.isEqualTo("/orders/{id}");
		assertThat(this.registry.get("http.server.requests").timer().getId().getTag("uri")).isEqualTo("/orders/{id}");
	}

	@Test
	void leavesOtherMetersAlone() {
		for (int i = 0; i < 10; i++) {
			this.registry.counter("orders.placed", "uri", "/x" + i).increment();
		}
		assertThat(this.registry.find("orders.placed").counters()).hasSize(10);
	}

}
