package dev.hardenedboot.resilience.report;

import java.time.Duration;
import java.util.List;

import dev.hardenedboot.core.report.HardeningFinding;
import dev.hardenedboot.core.report.HardeningStatus;
import dev.hardenedboot.resilience.annotation.ResilienceAnnotations;
import io.github.resilience4j.spring6.circuitbreaker.configure.CircuitBreakerConfigurationProperties;
import io.github.resilience4j.spring6.retry.configure.RetryConfigurationProperties;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each of the resilience starter's checks, passing and failing.
 */
class ResilienceHardeningChecksTests {

	@Test
	void timeLimitsBelowTheRequestTimeoutPass() {
		TimeLimiterRegistry registry = TimeLimiterRegistry.of(timeout(Duration.ofSeconds(10)));
		registry.timeLimiter("pricing", timeout(Duration.ofSeconds(2)));
		HardeningFinding finding = single(new TimeLimiterCheck(registry, new MockEnvironment()).check());
		assertThat(finding.status()).isEqualTo(HardeningStatus.PASS);
		assertThat(finding.reason()).contains("PT10S", "1 instances", "PT30S");
	}

	@Test
	void aDefaultOrInstanceTimeLimitAtOrAboveTheRequestTimeoutWarns() {
		TimeLimiterRegistry registry = TimeLimiterRegistry.of(timeout(Duration.ofSeconds(10)));
		registry.timeLimiter("reports", timeout(Duration.ofSeconds(60)));
		HardeningFinding finding = single(new TimeLimiterCheck(registry,
				new MockEnvironment().withProperty("hardened.request.timeout", "10s"))
			.check());
		assertThat(finding.status()).isEqualTo(HardeningStatus.WARN);
		assertThat(finding.reason()).contains("default PT10S", "'reports' PT1M");
		assertThat(finding.fix()).contains("resilience4j.timelimiter.configs.default.timeout-duration");
	}

	@Test
	void timeLimitsAreNotComparedWithoutDeadlines() {
		TimeLimiterRegistry registry = TimeLimiterRegistry.of(timeout(Duration.ofMinutes(5)));
		assertThat(new TimeLimiterCheck(registry, new MockEnvironment().withProperty("hardened.request.enabled",
				"false"))
			.check()).isEmpty();
	}

	@Test
	void fallbacksPassWithWhatTheStartUpCheckResolved() {
		HardeningFinding finding = single(new FallbacksCheck(new ResilienceAnnotations()).check());
		assertThat(finding.status()).isEqualTo(HardeningStatus.PASS);
		assertThat(finding.reason()).contains("0 fallbacks on 0 annotated methods resolved at start-up");
	}

	@Test
	void uncheckedFallbacksWarn() {
		HardeningFinding finding = single(new FallbacksCheck(null).check());
		assertThat(finding.status()).isEqualTo(HardeningStatus.WARN);
		assertThat(finding.fix()).contains("hardened.resilience.enabled");
	}

	@Test
	void breakerOutsideTheRetryPasses() {
		CircuitBreakerConfigurationProperties breaker = new CircuitBreakerConfigurationProperties();
		breaker.setCircuitBreakerAspectOrder(10);
		RetryConfigurationProperties retry = new RetryConfigurationProperties();
		retry.setRetryAspectOrder(11);
		HardeningFinding finding = single(new AspectOrderCheck(breaker, retry).check());
		assertThat(finding.status()).isEqualTo(HardeningStatus.PASS);
		assertThat(finding.reason()).contains("circuit-breaker-aspect-order 10, retry-aspect-order 11");
	}

	@Test
	void resilience4jsOwnOrderPutsTheRetryOutsideAndWarns() {
		HardeningFinding finding = single(new AspectOrderCheck(new CircuitBreakerConfigurationProperties(),
				new RetryConfigurationProperties())
			.check());
		assertThat(finding.status()).isEqualTo(HardeningStatus.WARN);
		assertThat(finding.fix()).contains("resilience4j.retry.retry-aspect-order");
	}

	private static TimeLimiterConfig timeout(Duration timeout) {
		return TimeLimiterConfig.custom().timeoutDuration(timeout).build();
	}

	private static HardeningFinding single(List<HardeningFinding> findings) {
		assertThat(findings).hasSize(1);
		return findings.get(0);
	}

}
