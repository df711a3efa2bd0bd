package dev.hardenedboot.benchmarks.jmh.filters;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

/**
 * The servlet filters the four starters register, around a servlet that answers a small JSON
 * body, called with Spring's mock request and response (no container, no socket). The
 * filters are the beans the auto-configurations built, in the order Boot would register them;
 * {@code chain} selects all of them, none, or all but one, so each filter's share is the
 * difference to {@code hardened}.
 *
 * <p>Filters depend on the ones outside them: without {@code requestIdFilter} no request
 * context exists, so the deadline and fork-scope filters pass the request through untouched.
 * That is what a user who replaced the request id filter would get, and it is measured so.
 */
@State(Scope.Benchmark)
public class FilterChainBenchmark {

	private static final byte[] BODY = "{\"id\":42,\"status\":\"PLACED\"}".getBytes(StandardCharsets.UTF_8);

	@Param({ "none", "hardened", "without:requestIdFilter", "without:deadlineFilter",
			"without:requestForkScopeFilter", "without:securityHeadersFilter", "without:requestBodyLimitFilter",
			"without:loadSheddingFilter", "without:repeatedQueryFilter", "without:healthProbePathsFilter" })
	public String chain;

	private ConfigurableApplicationContext context;

	private Filter[] filters;

	private final HttpServlet servlet = new HttpServlet() {

		@Override
		protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
			// What MVC sets once it matched a handler; the metrics and the repeated-query ledger read it.
			request.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/orders/{id}");
			response.setContentType("application/json");
			response.getOutputStream().write(BODY);
		}

	};

	@Setup(Level.Trial)
	public void startContext() {
		this.context = new SpringApplicationBuilder(FilterChainApplication.class).web(WebApplicationType.SERVLET)
			.properties("server.port=-1", "spring.main.banner-mode=off", "logging.level.root=WARN",
					"management.server.port=-1", "spring.autoconfigure.exclude="
							+ "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
			.run();
		Map<String, Filter> hardened = hardenedFilters(this.context);
		if (this.chain.equals("none")) {
			this.filters = new Filter[0];
			return;
		}
		if (this.chain.startsWith("without:")) {
			String left = this.chain.substring("without:".length());
			if (hardened.remove(left) == null) {
				throw new IllegalStateException("No filter '" + left + "' in " + hardened.keySet());
			}
		}
		this.filters = hardened.values().toArray(new Filter[0]);
	}

	@TearDown(Level.Trial)
	public void closeContext() {
		this.context.close();
	}

	@Benchmark
	public MockHttpServletResponse request() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders/42");
		request.addHeader("Accept", "application/json");
		request.setRemoteAddr("10.0.0.7");
		MockHttpServletResponse response = new MockHttpServletResponse();
		new MockFilterChain(this.servlet, this.filters).doFilter(request, response);
		return response;
	}

	/**
	 * Hardened Boot's filters by bean name, in registration order, as Boot would register
	 * them with the container.
	 */
	@SuppressWarnings("rawtypes")
	static Map<String, Filter> hardenedFilters(ConfigurableApplicationContext context) {
		Map<String, Filter> filters = new LinkedHashMap<>();
		context.getBeansOfType(FilterRegistrationBean.class)
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().getFilter().getClass().getName().startsWith("dev.hardenedboot."))
			.sorted(Comparator.comparingInt((Map.Entry<String, FilterRegistrationBean> entry) -> entry.getValue()
				.getOrder()))
			.forEach((entry) -> filters.put(entry.getKey(), entry.getValue().getFilter()));
		if (filters.isEmpty()) {
			throw new IllegalStateException("The starters registered no filter");
		}
		return filters;
	}

	@SpringBootApplication
	static class FilterChainApplication {

	}

}
