package dev.hardenedboot.core.outbound;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.hardenedboot.core.web.Downstream;
import org.apache.hc.client5.http.HttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.junit.jupiter.api.AfterAll;
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
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OutboundHttpAutoConfigurationTests {

	private static final Downstream downstream = new Downstream();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OutboundHttpAutoConfiguration.class, HttpClientAutoConfiguration.class,
				RestClientAutoConfiguration.class, RestTemplateAutoConfiguration.class));

	@AfterAll
	static void stop() {
		downstream.close();
	}

	@Test
	void onByDefaultOnHttpComponents() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(DeadlineBoundRequestFactoryCustomizer.class)
				.hasSingleBean(RequestContextForwardingInterceptor.class);
			RestTemplateBuilder restTemplate = context.getBean(RestTemplateBuilder.class);
			assertThat(restTemplate.buildRequestFactory()).isInstanceOf(HttpComponentsClientHttpRequestFactory.class);
			assertThat(restTemplate.build().getInterceptors())
				.hasAtLeastOneElementOfType(RequestContextForwardingInterceptor.class);
		});
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.http.client.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DeadlineBoundRequestFactoryCustomizer.class)
				.doesNotHaveBean(RequestContextForwardingInterceptor.class));
	}

	@Test
	void backsOffToAUserInterceptor() {
		this.runner.withUserConfiguration(UserInterceptor.class)
			.run((context) -> assertThat(context).getBean(RequestContextForwardingInterceptor.class)
				.isSameAs(UserInterceptor.INTERCEPTOR));
	}

	@Test
	void httpClientRetriesAreOnesThatRespectTheDeadline() {
		this.runner.run((context) -> assertThat(context).getBean(HttpRequestRetryStrategy.class)
			.isInstanceOf(DeadlineAwareRetryStrategy.class));
	}

	@Test
	void backsOffToAUserRetryStrategy() {
		this.runner.withBean("myRetryStrategy", HttpRequestRetryStrategy.class,
				() -> DefaultHttpRequestRetryStrategy.INSTANCE)
			.run((context) -> assertThat(context).doesNotHaveBean(DeadlineAwareRetryStrategy.class)
				.getBean(HttpRequestRetryStrategy.class)
				.isSameAs(DefaultHttpRequestRetryStrategy.INSTANCE));
	}

	@Test
	void absentWithoutHttpClient5() {
		this.runner.withClassLoader(new FilteredClassLoader(HttpClients.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DeadlineBoundRequestFactoryCustomizer.class));
	}

	@Test
	void poolLimitsAndPoolWaitApply() {
		// One connection per host and a 200 ms wait for it: a second concurrent call to a slow
		// host fails fast instead of queueing for HttpClient's default 3 minutes.
		this.runner
			.withPropertyValues("hardened.http.client.max-connections-per-route=1",
					"hardened.http.client.connection-request-timeout=200ms")
			.run((context) -> {
				RestClient client = context.getBean(RestClient.Builder.class).build();
				String url = "http://127.0.0.1:" + downstream.port() + "/work?millis=1500";
				ExecutorService executor = Executors.newSingleThreadExecutor();
				try {
					CompletableFuture<String> first = CompletableFuture
						.supplyAsync(() -> client.get().uri(url).retrieve().body(String.class), executor);
					Thread.sleep(200);
					long start = System.nanoTime();
					assertThatExceptionOfType(ResourceAccessException.class)
						.isThrownBy(() -> client.get().uri(url).retrieve().body(String.class));
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
					assertThat(first.get()).isEqualTo("worked");
				}
				finally {
					executor.shutdownNow();
				}
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserInterceptor {

		static final RequestContextForwardingInterceptor INTERCEPTOR = new RequestContextForwardingInterceptor(false);

		@Bean
		RequestContextForwardingInterceptor myInterceptor() {
			return INTERCEPTOR;
		}

	}

}
