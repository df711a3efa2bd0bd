package dev.hardenedboot.data.query;

import java.io.IOException;
import java.util.List;

import dev.hardenedboot.core.context.RequestContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.lang.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Opens a {@link StatementLedger} for each request and, as the request ends, reports a
 * statement shape run above the threshold: one WARN naming the route template, the shape,
 * the count and the time, and {@code hardened.data.repeated.queries} (Prometheus:
 * {@code hardened_data_repeated_queries_total}) by route. Every request's statement count
 * goes to the {@code hardened.data.statements} histogram by route.
 */
class RepeatedQueryFilter extends OncePerRequestFilter {

	private static final Log logger = LogFactory.getLog(RepeatedQueryFilter.class);

	private static final double[] STATEMENT_BUCKETS = { 1, 2, 5, 10, 20, 50, 100, 200, 500 };

	private final RepeatedQueryProperties properties;

	/** Built once: a builder per request cost more than the histogram it records to. */
	@Nullable
	private final Meter.MeterProvider<DistributionSummary> statements;

	@Nullable
	private final Meter.MeterProvider<Counter> repeatedQueries;

	RepeatedQueryFilter(RepeatedQueryProperties properties, @Nullable MeterRegistry meters) {
		this.properties = properties;
		this.statements = (meters != null) ? DistributionSummary.builder("hardened.data.statements")
			.description("Statements run per request")
			.baseUnit("statements")
			.serviceLevelObjectives(STATEMENT_BUCKETS)
			.withRegistry(meters) : null;
		this.repeatedQueries = (meters != null) ? Counter.builder("hardened.data.repeated.queries")
			.description("Requests that ran one statement shape more often than the threshold")
			.withRegistry(meters) : null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		StatementLedger ledger = StatementLedger.open();
		try {
			chain.doFilter(request, response);
		}
		finally {
			ledger.close();
			report(request, ledger);
		}
	}

	private void report(HttpServletRequest request, StatementLedger ledger) {
		if (ledger.total() == 0) {
			return;
		}
		String route = routeOf(request);
		if (this.statements != null) {
			this.statements.withTag("route", route).record(ledger.total());
		}
		List<StatementLedger.Repeated> repeated = ledger.repeatedAbove(this.properties.getThreshold());
		if (repeated.isEmpty()) {
			return;
		}
		if (this.repeatedQueries != null) {
			this.repeatedQueries.withTag("route", route).increment();
		}
		StatementLedger.Repeated worst = repeated.get(0);
		logger.warn(request.getMethod() + " " + route + " ran one statement " + worst.count() + " times ("
				+ worst.millis() + " ms in all; " + ledger.total() + " statements in the request"
				+ ((repeated.size() > 1) ? ", " + (repeated.size() - 1) + " more shapes repeated" : "")
				+ "), over hardened.data.repeated-query.threshold=" + this.properties.getThreshold()
				+ ": likely N+1; fetch the association with a join or in a batch: " + worst.shape());
	}

	private static String routeOf(HttpServletRequest request) {
		Object context = request.getAttribute(RequestContext.ATTRIBUTE);
		String route = (context instanceof RequestContext requestContext) ? requestContext.route().orElse(null) : null;
		return (route != null) ? route : "UNKNOWN";
	}

}
