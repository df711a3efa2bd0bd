package dev.hardenedboot.data.tracing;

import java.util.List;
import java.util.function.Supplier;

import dev.hardenedboot.data.jdbc.JdbcListenersAutoConfiguration;
import dev.hardenedboot.data.web.RecordedSpans;
import dev.hardenedboot.testsupport.TestServices;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.data.SpanData;
import net.ttddyy.observation.tracing.DataSourceObservationListener;
import net.ttddyy.observation.tracing.QueryTracingObservationHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDBC tracing switches, and its spans from the OpenTelemetry SDK on a real PostgreSQL,
 * without a web server: a statement is a child of the observation it runs in, and outside
 * one it makes no span at all.
 */
class JdbcTracingAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
				OpenTelemetryAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
				MicrometerTracingAutoConfiguration.class, JdbcTracingAutoConfiguration.class));

	private final ApplicationContextRunner database = this.runner
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				JdbcTemplateAutoConfiguration.class, JdbcListenersAutoConfiguration.class))
		.withBean(RecordedSpans.class)
		.withPropertyValues("spring.datasource.url=" + TestServices.postgres().jdbcUrl(),
				"management.tracing.sampling.probability=1.0");

	@Test
	void onByDefault() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(DataSourceObservationListener.class)
			.hasSingleBean(QueryTracingObservationHandler.class)
			.hasSingleBean(JdbcTracingProperties.class));
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.data.tracing.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DataSourceObservationListener.class)
				.doesNotHaveBean(QueryTracingObservationHandler.class));
	}

	@Test
	void offWhenBootsTracingIsOff() {
		// What starter-observability sets when the OpenTelemetry agent traces JDBC itself.
		this.runner.withPropertyValues("management.tracing.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DataSourceObservationListener.class));
	}

	@Test
	void backsOffToTheApplicationsListener() {
		this.runner
			.withBean("myListener", DataSourceObservationListener.class,
					() -> new DataSourceObservationListener(ObservationRegistry.NOOP))
			.run((context) -> assertThat(context).hasSingleBean(DataSourceObservationListener.class)
				.hasBean("myListener"));
	}

	@Test
	void absentWithoutDatasourceMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader(DataSourceObservationListener.class))
			.run((context) -> assertThat(context).doesNotHaveBean(JdbcTracingProperties.class));
	}

	@Test
	void absentWithoutMicrometerTracing() {
		this.runner.withClassLoader(new FilteredClassLoader(Tracer.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DataSourceObservationListener.class));
	}

	@Test
	void statementInsideAnObservationIsItsChildSpan() {
		this.database.run((context) -> {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			observe(context, "work", () -> jdbc.queryForObject("SELECT 1", Integer.class));
			List<SpanData> spans = context.getBean(RecordedSpans.class).ended();
			SpanData work = span(spans, "work");
			assertThat(span(spans, "query")).satisfies((query) -> {
				assertThat(query.getTraceId()).isEqualTo(work.getTraceId());
				assertThat(query.getParentSpanId()).isEqualTo(work.getSpanId());
				assertThat(query.getAttributes().asMap().toString()).contains("jdbc.query[0]=SELECT ?",
						"jdbc.datasource.name=dataSource");
			});
		});
	}

	@Test
	void statementOutsideObservedWorkMakesNoSpan() {
		this.database.run((context) -> {
			context.getBean(JdbcTemplate.class).queryForObject("SELECT 1", Integer.class);
			observe(context, "work", () -> null);
			assertThat(context.getBean(RecordedSpans.class).ended()).extracting(SpanData::getName)
				.containsExactly("work");
		});
	}

	@Test
	void switchedOffMakesNoStatementSpans() {
		this.database.withPropertyValues("hardened.data.tracing.enabled=false").run((context) -> {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			observe(context, "work", () -> jdbc.queryForObject("SELECT 1", Integer.class));
			assertThat(context.getBean(RecordedSpans.class).ended()).extracting(SpanData::getName)
				.containsExactly("work");
		});
	}

	private static void observe(AssertableApplicationContext context, String name, Supplier<?> work) {
		Observation.createNotStarted(name, context.getBean(ObservationRegistry.class)).observe(work);
	}

	private static SpanData span(List<SpanData> spans, String name) {
		return spans.stream()
			.filter((span) -> span.getName().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No span '" + name + "' in " + spans));
	}

}
