package dev.hardenedboot.resilience.outbound;

import dev.hardenedboot.core.outbound.OutboundHttpAutoConfiguration;
import dev.hardenedboot.resilience.retry.RetryBudgetAutoConfiguration;
import dev.hardenedboot.resilience.retry.RetryBudgets;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

import org.springframework.beans.factory.ObjectProvider;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.http.client.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.autoconfigure.http.client.HttpClientAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.web.client.RestClientCustomizer;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * A circuit breaker per target host, and budgeted retries of idempotent calls, on every
 * {@code RestClient} and {@code RestTemplate} built from Boot's builders. The pooled Apache
 * HttpClient 5, its timeouts and the deadline come from starter-core's outbound
 * configuration, whose interceptor runs between the breaker and the retries.
 */
@AutoConfiguration(
		after = { CircuitBreakerAutoConfiguration.class, RetryAutoConfiguration.class,
				RetryBudgetAutoConfiguration.class, OutboundHttpAutoConfiguration.class },
		before = { HttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				RestTemplateAutoConfiguration.class })
@ConditionalOnClass({ CircuitBreakerRegistry.class, ClientHttpRequestInterceptor.class })
@ConditionalOnBean(CircuitBreakerRegistry.class)
@ConditionalOnProperty(prefix = "hardened.resilience.http", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(OutboundResilienceProperties.class)
public class OutboundResilienceAutoConfiguration {

	/**
	 * Interceptors run in the order the customizers add them: stale-if-error
	 * ({@value #STALE_IF_ERROR_ORDER}) outside the breaker, so it can answer for an open one;
	 * the breaker ({@value #CIRCUIT_BREAKER_ORDER}); then starter-core's context forwarding; then
	 * the retries, last: Spring re-runs only the interceptors after the one that calls the
	 * execution again. Core's customizer has the lowest precedence too; this configuration comes
	 * after core's, and equal orders keep the registration order.
	 */
	public static final int STALE_IF_ERROR_ORDER = 100;

	/** See {@link #STALE_IF_ERROR_ORDER}. */
	public static final int CIRCUIT_BREAKER_ORDER = 200;

	@Bean
	@ConditionalOnMissingBean
	HostCircuitBreakerInterceptor hostCircuitBreakerInterceptor(CircuitBreakerRegistry registry) {
		return new HostCircuitBreakerInterceptor(registry);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(RetryRegistry.class)
	@ConditionalOnProperty(prefix = "hardened.resilience.http.retry", name = "enabled", matchIfMissing = true)
	static class RetryConfiguration {

		@Bean
		@ConditionalOnMissingBean
		IdempotentRetryInterceptor idempotentRetryInterceptor(RetryRegistry registry,
				ObjectProvider<RetryBudgets> budgets, ObjectProvider<MeterRegistry> meters) {
			return new IdempotentRetryInterceptor(registry, budgets.getIfAvailable(), meters.getIfUnique());
		}

		/**
		 * Apache HttpClient's own retries go (starter-core's, idempotent only and within the
		 * deadline): they would repeat a call outside the budget, and a second time inside these.
		 * HttpClient's switch wins over any strategy set on the same builder, in either order.
		 */
		@Bean
		@ConditionalOnClass(HttpClientBuilder.class)
		ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> httpClientRetriesOff() {
			return (builder) -> builder.withHttpClientCustomizer(HttpClientBuilder::disableAutomaticRetries);
		}

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		@ConditionalOnClass(RestClient.class)
		RestClientCustomizer idempotentRetryRestClientCustomizer(IdempotentRetryInterceptor interceptor) {
			return (builder) -> builder.requestInterceptor(interceptor);
		}

		@Bean
		@Order(Ordered.LOWEST_PRECEDENCE)
		@ConditionalOnClass(RestTemplate.class)
		RestTemplateCustomizer idempotentRetryRestTemplateCustomizer(IdempotentRetryInterceptor interceptor) {
			return (restTemplate) -> restTemplate.getInterceptors().add(interceptor);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	static class RestClientConfiguration {

		@Bean
		@Order(CIRCUIT_BREAKER_ORDER)
		RestClientCustomizer hostCircuitBreakerRestClientCustomizer(HostCircuitBreakerInterceptor interceptor) {
			return (builder) -> builder.requestInterceptor(interceptor);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestTemplate.class)
	static class RestTemplateConfiguration {

		@Bean
		@Order(CIRCUIT_BREAKER_ORDER)
		RestTemplateCustomizer hostCircuitBreakerRestTemplateCustomizer(HostCircuitBreakerInterceptor interceptor) {
			return (restTemplate) -> restTemplate.getInterceptors().add(interceptor);
		}

	}

}
