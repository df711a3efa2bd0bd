package dev.hardenedboot.resilience.outbound;

import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;
import dev.hardenedboot.core.outbound.OutboundHttpAutoConfiguration;
import dev.hardenedboot.resilience.fallback.StaleIfErrorAutoConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.client.HttpClientAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundResilienceAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CircuitBreakerAutoConfiguration.class, RetryAutoConfiguration.class,
				OutboundHttpAutoConfiguration.class, OutboundResilienceAutoConfiguration.class,
				StaleIfErrorAutoConfiguration.class, HttpClientAutoConfiguration.class,
				RestClientAutoConfiguration.class, RestTemplateAutoConfiguration.class));

	@Test
	void everyRestTemplateGetsStaleIfErrorThenTheBreakerThenCoresForwardingThenRetries() {
		this.runner.run((context) -> {
			RestTemplateBuilder builder = context.getBean(RestTemplateBuilder.class);
			assertThat(builder.buildRequestFactory()).isInstanceOf(HttpComponentsClientHttpRequestFactory.class);
			List<String> interceptors = builder.build()
				.getInterceptors()
				.stream()
				.map((interceptor) -> interceptor.getClass().getSimpleName())
				.toList();
			assertThat(interceptors).containsExactly("StaleIfErrorInterceptor", "HostCircuitBreakerInterceptor",
					"RequestContextForwardingInterceptor", "IdempotentRetryInterceptor");
		});
	}

	@Test
	void offBySwitch() {
		this.runner
			.withPropertyValues("hardened.resilience.http.enabled=false",
					"hardened.resilience.stale-if-error.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(HostCircuitBreakerInterceptor.class);
				assertThat(context.getBean(RestTemplateBuilder.class).build().getInterceptors())
					.extracting((interceptor) -> interceptor.getClass().getSimpleName())
					.containsExactly("RequestContextForwardingInterceptor");
			});
	}

	@Test
	void retriesOffBySwitch() {
		this.runner.withPropertyValues("hardened.resilience.http.retry.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(IdempotentRetryInterceptor.class)
				.hasSingleBean(HostCircuitBreakerInterceptor.class));
	}

	@Test
	void backsOffToAUserInterceptor() {
		this.runner.withUserConfiguration(UserInterceptor.class)
			.run((context) -> assertThat(context).getBean(HostCircuitBreakerInterceptor.class)
				.isSameAs(context.getBean("myInterceptor")));
	}

	@Test
	void absentWithoutResilience4jOrCaffeine() {
		this.runner.withClassLoader(new FilteredClassLoader(CircuitBreakerRegistry.class, Caffeine.class))
			.run((context) -> assertThat(context.getBean(RestTemplateBuilder.class).build().getInterceptors())
				.extracting((interceptor) -> interceptor.getClass().getSimpleName())
				.containsExactly("RequestContextForwardingInterceptor"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserInterceptor {

		@Bean
		HostCircuitBreakerInterceptor myInterceptor(CircuitBreakerRegistry registry) {
			return new HostCircuitBreakerInterceptor(registry);
		}

	}


}
