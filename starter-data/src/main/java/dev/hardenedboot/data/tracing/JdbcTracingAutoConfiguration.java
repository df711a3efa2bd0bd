package dev.hardenedboot.data.tracing;

import java.util.EnumSet;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.observation.tracing.DataSourceObservationListener;
import net.ttddyy.observation.tracing.JdbcObservationDocumentation;
import net.ttddyy.observation.tracing.QueryTracingObservationHandler;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.ConditionalOnEnabledTracing;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * A child span for every JDBC statement run inside observed work, made by datasource-micrometer's
 * Micrometer Observation listener on the datasource-proxy layer beneath each pool: one proxy,
 * and Boot's observation conventions, sampling, predicates and MDC apply to the spans.
 *
 * <p>Backs off to an application's own {@link DataSourceObservationListener}, which is also
 * what datasource-micrometer's Boot starter declares, and when Boot's tracing is off
 * ({@code management.tracing.enabled=false}, which the OpenTelemetry agent sets through
 * starter-observability: the agent traces JDBC itself).
 */
@AutoConfiguration(after = { ObservationAutoConfiguration.class, MicrometerTracingAutoConfiguration.class },
		afterName = "net.ttddyy.observation.boot.autoconfigure.DataSourceObservationAutoConfiguration")
@ConditionalOnClass({ DataSourceObservationListener.class, ProxyDataSource.class, Tracer.class })
@ConditionalOnProperty(prefix = "hardened.data.tracing", name = "enabled", matchIfMissing = true)
@ConditionalOnEnabledTracing
@ConditionalOnBean(ObservationRegistry.class)
@EnableConfigurationProperties(JdbcTracingProperties.class)
public class JdbcTracingAutoConfiguration {

	/**
	 * Before Boot's handler for any sender context, which would otherwise take these spans and
	 * inject trace headers into a no-op carrier for each statement.
	 */
	static final int HANDLER_ORDER = MicrometerTracingAutoConfiguration.SENDER_TRACING_OBSERVATION_HANDLER_ORDER - 100;

	/**
	 * First of the pool's query listeners, so it is outermost: the span covers the deadline
	 * and the repeated-statement guard, and records a statement either of them rejects.
	 */
	@Bean
	@ConditionalOnMissingBean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	DataSourceObservationListener hardenedDataSourceObservationListener(
			ObjectProvider<ObservationRegistry> registry) {
		DataSourceObservationListener listener = new DataSourceObservationListener(new ObservedWorkOnly(registry));
		// The proxy sits beneath the pool: a "connection" there is a physical connection,
		// opened on Hikari's threads and held for its whole lifetime, not a borrow.
		listener.setSupportedTypes(EnumSet.of(JdbcObservationDocumentation.QUERY));
		listener.setQueryObservationConvention(new QueryShapeObservationConvention());
		listener.setIncludeParameterValues(false);
		return listener;
	}

	@Bean
	@ConditionalOnBean(Tracer.class)
	@ConditionalOnMissingBean
	@Order(HANDLER_ORDER)
	QueryTracingObservationHandler queryTracingObservationHandler(Tracer tracer) {
		return new QueryTracingObservationHandler(tracer);
	}

}
