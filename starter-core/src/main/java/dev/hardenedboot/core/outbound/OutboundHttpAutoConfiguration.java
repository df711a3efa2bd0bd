package dev.hardenedboot.core.outbound;

import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.HttpClients;

import org.springframework.boot.autoconfigure.AutoConfiguration;
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
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * Outbound HTTP bounded by the request's deadline. Apache HttpClient 5 is on the class path
 * with this starter, so Boot builds every {@code RestClient} and {@code RestTemplate} on it;
 * this configuration sizes its pool, bounds each call by the deadline, keeps HttpClient's own
 * retries to idempotent requests within the deadline, and forwards the request context.
 */
@AutoConfiguration(before = { HttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
		RestTemplateAutoConfiguration.class })
@ConditionalOnClass({ HttpClients.class, HttpComponentsClientHttpRequestFactory.class })
@ConditionalOnProperty(prefix = "hardened.http.client", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(OutboundHttpProperties.class)
public class OutboundHttpAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DeadlineBoundRequestFactoryCustomizer deadlineBoundRequestFactoryCustomizer(OutboundHttpProperties properties) {
		return new DeadlineBoundRequestFactoryCustomizer(properties);
	}

	/**
	 * HttpClient's own retries, replacing its default strategy (which repeats a POST answered
	 * 503 and sleeps for whatever Retry-After asks). A strategy bean of the application's
	 * replaces this one; starter-resilience switches HttpClient's retries off for its own.
	 */
	@Bean
	@ConditionalOnMissingBean(HttpRequestRetryStrategy.class)
	DeadlineAwareRetryStrategy deadlineAwareRetryStrategy(OutboundHttpProperties properties) {
		return new DeadlineAwareRetryStrategy(properties.getRetry());
	}

	@Bean
	ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> httpClientRetryStrategy(
			HttpRequestRetryStrategy strategy) {
		return (builder) -> builder.withHttpClientCustomizer((client) -> client.setRetryStrategy(strategy));
	}

	@Bean
	@ConditionalOnMissingBean
	RequestContextForwardingInterceptor requestContextForwardingInterceptor(OutboundHttpProperties properties) {
		return new RequestContextForwardingInterceptor(properties.isPropagateHeaders());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	static class RestClientConfiguration {

		@Bean
		RestClientCustomizer requestContextRestClientCustomizer(RequestContextForwardingInterceptor interceptor) {
			return (builder) -> builder.requestInterceptor(interceptor);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestTemplate.class)
	static class RestTemplateConfiguration {

		@Bean
		RestTemplateCustomizer requestContextRestTemplateCustomizer(RequestContextForwardingInterceptor interceptor) {
			return (restTemplate) -> restTemplate.getInterceptors().add(interceptor);
		}

	}

}
