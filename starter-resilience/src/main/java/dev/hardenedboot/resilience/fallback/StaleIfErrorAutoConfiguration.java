package dev.hardenedboot.resilience.fallback;

import java.time.Clock;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hardenedboot.resilience.outbound.OutboundResilienceAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
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
 * The last good answer of every outbound GET and HEAD made through Boot's
 * {@code RestClient.Builder} and {@code RestTemplateBuilder}, served when the call fails.
 */
@AutoConfiguration(after = OutboundResilienceAutoConfiguration.class,
		before = { RestClientAutoConfiguration.class, RestTemplateAutoConfiguration.class })
@ConditionalOnClass({ Caffeine.class, ClientHttpRequestInterceptor.class })
@ConditionalOnProperty(prefix = "hardened.resilience.stale-if-error", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(StaleIfErrorProperties.class)
public class StaleIfErrorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	StaleIfErrorInterceptor staleIfErrorInterceptor(StaleIfErrorProperties properties, ObjectProvider<Clock> clock,
			ObjectProvider<MeterRegistry> meters) {
		return new StaleIfErrorInterceptor(properties, clock.getIfAvailable(Clock::systemUTC), meters.getIfUnique());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	static class RestClientConfiguration {

		@Bean
		@Order(OutboundResilienceAutoConfiguration.STALE_IF_ERROR_ORDER)
		RestClientCustomizer staleIfErrorRestClientCustomizer(StaleIfErrorInterceptor interceptor) {
			return (builder) -> builder.requestInterceptor(interceptor);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestTemplate.class)
	static class RestTemplateConfiguration {

		@Bean
		@Order(OutboundResilienceAutoConfiguration.STALE_IF_ERROR_ORDER)
		RestTemplateCustomizer staleIfErrorRestTemplateCustomizer(StaleIfErrorInterceptor interceptor) {
			return (restTemplate) -> restTemplate.getInterceptors().add(interceptor);
		}

	}

}
