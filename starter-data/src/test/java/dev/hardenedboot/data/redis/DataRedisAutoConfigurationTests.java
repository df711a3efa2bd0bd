package dev.hardenedboot.data.redis;

import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import dev.hardenedboot.core.context.Deadline;
import dev.hardenedboot.core.context.RequestContext;
import dev.hardenedboot.testsupport.TestServices;
import io.lettuce.core.ClientOptions;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.data.redis.RedisHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.data.redis.RedisReactiveHealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Redis through Lettuce on a real server: PING readiness, commands bounded by the deadline.
 */
class DataRedisAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer((context) -> new RedisDefaultsEnvironmentPostProcessor()
			.postProcessEnvironment(context.getEnvironment(), null))
		.withConfiguration(AutoConfigurations.of(RedisAutoConfiguration.class, DataRedisAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, RedisHealthContributorAutoConfiguration.class,
				RedisReactiveHealthContributorAutoConfiguration.class))
		.withPropertyValues("spring.data.redis.url=" + TestServices.redis().url());

	@Test
	void pingIsTheReadinessCheck() {
		this.runner.run((context) -> {
			assertThat(context.getBean("redisHealthContributor")).isInstanceOf(RedisPingHealthIndicator.class);
			Health health = context.getBean("redisHealthContributor", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("ping", "PONG");
		});
	}

	@Test
	void commandsAreBoundedByTheDeadline() {
		this.runner.run((context) -> {
			StringRedisTemplate redis = new StringRedisTemplate(context.getBean(LettuceConnectionFactory.class));
			String empty = "hb-empty-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
			// Warm: the first blocking command also loads classes and starts Netty's threads.
			assertThat(redis.opsForList().leftPop(empty, Duration.ofMillis(100))).isNull();
			RequestContext request = RequestContext.of("redis-1").withDeadline(Deadline.after(Duration.ofMillis(400)));
			long start = System.nanoTime();
			try (RequestContext.Scope bound = request.makeCurrent()) {
				// BLPOP waits 5s on the server; the command is timed out at the deadline.
				assertThatExceptionOfType(QueryTimeoutException.class)
					.isThrownBy(() -> redis.opsForList().leftPop(empty, Duration.ofSeconds(5)));
				Duration took = Duration.ofNanos(System.nanoTime() - start);
				assertThat(took).isBetween(Duration.ofMillis(350), Duration.ofMillis(1_500));
			}
			assertThat(redis.opsForList().leftPop(empty, Duration.ofMillis(500))).as("no deadline: the 2s timeout")
				.isNull();
		});
	}

	@Test
	void connectAndCommandTimeoutsDefaultToTwoSeconds() {
		this.runner.run((context) -> {
			LettuceConnectionFactory factory = context.getBean(LettuceConnectionFactory.class);
			assertThat(factory.getClientConfiguration().getCommandTimeout()).isEqualTo(Duration.ofSeconds(2));
			ClientOptions options = factory.getClientConfiguration().getClientOptions().orElseThrow();
			assertThat(options.getSocketOptions().getConnectTimeout()).isEqualTo(Duration.ofSeconds(2));
			assertThat(options.getTimeoutOptions().getSource()).isInstanceOf(DeadlineTimeoutSource.class);
		});
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.data.redis.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean("deadlineLettuceCustomizer")
				.doesNotHaveBean(RedisPingHealthIndicator.class);
			assertThat(context).hasBean("redisHealthContributor");
		});
	}

	@Test
	void backsOffToTheApplicationsCheck() {
		this.runner.withUserConfiguration(UserCheck.class)
			.run((context) -> assertThat(context).doesNotHaveBean(RedisPingHealthIndicator.class)
				.hasBean("redisHealthIndicator"));
	}

	@Test
	void absentWithoutLettuce() {
		this.runner.withClassLoader(new FilteredClassLoader(ClientOptions.class))
			.run((context) -> assertThat(context).doesNotHaveBean("deadlineLettuceCustomizer"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserCheck {

		@Bean
		HealthIndicator redisHealthIndicator() {
			return () -> Health.up().build();
		}

	}

}
