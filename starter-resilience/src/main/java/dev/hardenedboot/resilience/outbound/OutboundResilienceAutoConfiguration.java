package dev.hardenedboot.resilience.outbound;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.client.RestClientCustomizer;
import org.springframework.boot.web.client.RestTemplateCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * A circuit breaker per target host on every {@code RestClient} and {@code RestTemplate} built
 * from Boot's builders. The pooled Apache HttpClient 5, its timeouts and the deadline come
 * from starter-core's outbound configuration, whose interceptor runs inside this one.
 */
@AutoConfiguration(after = CircuitBreakerAutoConfiguration.class,
		before = { RestClientAutoConfiguration.class, RestTemplateAutoConfiguration.class })
@ConditionalOnClass({ CircuitBreakerRegistry.class, ClientHttpRequestInterceptor.class })
@ConditionalOnBean(CircuitBreakerRegistry.class)
@ConditionalOnProperty(prefix = "hardened.resilience.http", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(OutboundResilienceProperties.class)
public class OutboundResilienceAutoConfiguration {

	/**
	 * Interceptors run in the order the customizers add them: stale-if-error
	 * ({@value #STALE_IF_ERROR_ORDER}) outside the breaker, so it can answer for an open one;
	 * the breaker ({@value #CIRCUIT_BREAKER_ORDER}); then starter-core's context forwarding.
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
