package dev.hardenedboot.benchmarks.jmh.breaker;

import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A call through a closed circuit breaker with Hardened Boot's defaults (count-based window of
 * 20, slow-call threshold 2 s, the default ignore list), three ways: the plain method, the
 * breaker from the registry around it, and the annotated method through the Spring proxy
 * and resilience4j's aspect, which is what a {@code @CircuitBreaker} user gets.
 */
@State(Scope.Benchmark)
public class CircuitBreakerBenchmark {

	private ConfigurableApplicationContext context;

	private Prices direct;

	private Prices annotated;

	private CircuitBreaker breaker;

	private Supplier<Long> decorated;

	@Setup(Level.Trial)
	public void startContext() {
		this.context = new SpringApplicationBuilder(BreakerApplication.class).web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN", "spring.autoconfigure.exclude="
					+ "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration")
			.run();
		this.direct = new Prices();
		this.annotated = this.context.getBean(Prices.class);
		this.breaker = this.context.getBean(CircuitBreakerRegistry.class).circuitBreaker("prices");
		this.decorated = CircuitBreaker.decorateSupplier(this.breaker, () -> this.direct.price(42));
		if (this.annotated.getClass() == Prices.class) {
			throw new IllegalStateException("@CircuitBreaker is not applied: the bean is not proxied");
		}
	}

	@TearDown(Level.Trial)
	public void closeContext() {
		if (this.breaker.getState() != CircuitBreaker.State.CLOSED) {
			throw new IllegalStateException("The breaker left the closed path: " + this.breaker.getState());
		}
		this.context.close();
	}

	@Benchmark
	public long plainCall() {
		return this.direct.price(42);
	}

	@Benchmark
	public long registryBreaker() {
		return this.decorated.get();
	}

	@Benchmark
	public long annotatedBreaker() {
		return this.annotated.price(42);
	}

	@SpringBootApplication
	static class BreakerApplication {

		@Bean
		Prices prices() {
			return new Prices();
		}

	}

	/** A dependency call that always succeeds at once. */
	public static class Prices {

		@io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker(name = "prices")
		public long price(long sku) {
			return sku * 100 + 99;
		}

	}

}
