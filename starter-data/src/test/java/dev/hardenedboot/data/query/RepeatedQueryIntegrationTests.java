package dev.hardenedboot.data.query;

import java.net.http.HttpResponse;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.hardenedboot.data.web.DataWebTests;
import dev.hardenedboot.data.web.PurchaseOrderRepository;
import dev.hardenedboot.testsupport.CapturedLogs;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The JPA order -> lines N+1 found per request at the JDBC layer, on a real PostgreSQL.
 */
class RepeatedQueryIntegrationTests extends DataWebTests {

	@RegisterExtension
	final CapturedLogs logs = new CapturedLogs(RepeatedQueryFilter.class);

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private PurchaseOrderRepository orders;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void lazyLinesPerOrderAreOneWarnNamingRouteShapeAndCount() {
		double before = repeated("/orders");
		HttpResponse<String> response = get("/orders");
		assertThat(response.statusCode()).isEqualTo(200);
		List<ILoggingEvent> warnings = this.logs.events()
			.stream()
			.filter((event) -> event.getLevel() == Level.WARN)
			.toList();
		assertThat(warnings).hasSize(1);
		assertThat(warnings.get(0).getFormattedMessage()).contains("GET /orders ran one statement 15 times",
				"16 statements in the request", "threshold=10", "from order_line", "where", "=?");
		assertThat(repeated("/orders")).isEqualTo(before + 1);
	}

	@Test
	void fetchJoinRunsOneStatementAndNoWarn() {
		DistributionSummary statements = this.meters.find("hardened.data.statements")
			.tag("route", "/orders/joined")
			.summary();
		long before = (statements != null) ? statements.count() : 0;
		assertThat(get("/orders/joined").statusCode()).isEqualTo(200);
		assertThat(this.logs.events()).noneMatch((event) -> event.getLevel() == Level.WARN);
		statements = this.meters.get("hardened.data.statements").tag("route", "/orders/joined").summary();
		assertThat(statements.count()).isEqualTo(before + 1);
		assertThat(statements.max()).isEqualTo(1);
	}

	@Test
	void literalsAreFoldedIntoOneShape() {
		for (int i = 0; i < 11; i++) {
			assertThat(get("/orders/" + i + "/lines").statusCode()).isEqualTo(200);
		}
		assertThat(this.logs.events()).as("each request runs its statement once").isEmpty();
	}

	@Test
	void assertionCountsTheStatementsOfABlock() {
		StatementCounts.assertAtMost(1,
				() -> this.transactions.executeWithoutResult((status) -> this.orders.findAllWithLines()));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> StatementCounts.assertAtMost(2, () -> this.transactions.executeWithoutResult(
					(status) -> this.orders.findAll().forEach((order) -> order.getLines().size()))))
			.withMessageContaining("Expected at most 2 statements but 16 ran")
			.withMessageContaining("15 x select");
		assertThat(StatementCounts.count(() -> this.orders.count())).isEqualTo(1);
	}

	private double repeated(String route) {
		Counter counter = this.meters.find("hardened.data.repeated.queries").tag("route", route).counter();
		return (counter != null) ? counter.count() : 0;
	}


}
