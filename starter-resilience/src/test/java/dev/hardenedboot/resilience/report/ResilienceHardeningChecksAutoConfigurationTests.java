package dev.hardenedboot.resilience.report;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.hardenedboot.core.report.HardeningCheck;
import dev.hardenedboot.core.report.HardeningFinding;
import dev.hardenedboot.core.report.HardeningStatus;
import dev.hardenedboot.resilience.annotation.ResilienceAnnotationsAutoConfiguration;
import dev.hardenedboot.resilience.circuitbreaker.ResilienceDefaultsEnvironmentPostProcessor;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.springboot3.circuitbreaker.autoconfigure.CircuitBreakerAutoConfiguration;
import io.github.resilience4j.springboot3.retry.autoconfigure.RetryAutoConfiguration;
import io.github.resilience4j.springboot3.timelimiter.autoconfigure.TimeLimiterAutoConfiguration;
import io.github.resilience4j.timelimiter.annotation.TimeLimiter;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class ResilienceHardeningChecksAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer((context) -> new ResilienceDefaultsEnvironmentPostProcessor()
			.postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, CircuitBreakerAutoConfiguration.class,
				RetryAutoConfiguration.class, TimeLimiterAutoConfiguration.class,
				ResilienceAnnotationsAutoConfiguration.class, ResilienceHardeningChecksAutoConfiguration.class));

	@Test
	void onByDefaultReadingWhatTheStarterDecided() {
		this.runner.withUserConfiguration(PricingConfiguration.class)
			.withPropertyValues("resilience4j.timelimiter.instances.pricing.timeout-duration=45s")
			.run((context) -> {
				List<HardeningFinding> findings = findings(context);
				assertThat(find(findings, "resilience.fallbacks").reason())
					.contains("2 fallbacks on 2 annotated methods resolved at start-up");
				assertThat(find(findings, "resilience.aspect-order").status()).isEqualTo(HardeningStatus.PASS);
				HardeningFinding limits = find(findings, "timeouts.time-limiter");
				assertThat(limits.status()).isEqualTo(HardeningStatus.WARN);
				assertThat(limits.reason()).contains("'pricing' PT45S").doesNotContain("default");
			});
	}

	@Test
	void offWhenTheReportIsOff() {
		this.runner.withPropertyValues("hardened.report.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HardeningCheck.class));
	}

	@Test
	void fallbacksWarnWhenTheStarterIsOff() {
		this.runner.withPropertyValues("hardened.resilience.enabled=false")
			.run((context) -> assertThat(find(findings(context), "resilience.fallbacks").status())
				.isEqualTo(HardeningStatus.WARN));
	}

	@Test
	void absentWithoutTheReportOrResilience4j() {
		this.runner.withClassLoader(new FilteredClassLoader(HardeningCheck.class))
			.run((context) -> assertThat(context).doesNotHaveBean(HardeningCheck.class));
		this.runner.withClassLoader(new FilteredClassLoader("io.github.resilience4j"))
			.run((context) -> assertThat(context).doesNotHaveBean(HardeningCheck.class));
	}

	private static List<HardeningFinding> findings(AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBeansOfType(HardeningCheck.class)
			.values()
			.stream()
			.flatMap((check) -> check.check().stream())
			.toList();
	}

	private static HardeningFinding find(List<HardeningFinding> findings, String id) {
		return findings.stream().filter((finding) -> finding.id().equals(id)).findFirst().orElseThrow();
	}

	public static class Pricing {

		@CircuitBreaker(name = "pricing", fallbackMethod = "cached")
		public String price(String sku) {
			return sku;
		}

		@TimeLimiter(name = "pricing", fallbackMethod = "later")
		public CompletableFuture<String> eventually(String sku) {
			return CompletableFuture.completedFuture(sku);
		}

		String cached(String sku, Throwable failure) {
			return "cached";
		}

		CompletableFuture<String> later(String sku, Throwable failure) {
			return CompletableFuture.completedFuture("cached");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PricingConfiguration {

		@Bean
		Pricing pricing() {
			return new Pricing();
		}

	}

}
