package dev.hardenedboot.data.redis;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.TimeoutOptions;

import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.autoconfigure.data.redis.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.autoconfigure.data.redis.RedisAutoConfiguration;
import org.springframework.boot.autoconfigure.data.redis.RedisProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Lettuce commands bounded by the request's deadline, and the {@code redis} readiness check
 * with {@code PING} in place of Boot's {@code INFO}.
 */
@AutoConfiguration(after = RedisAutoConfiguration.class,
		beforeName = { "org.springframework.boot.actuate.autoconfigure.data.redis.RedisHealthContributorAutoConfiguration",
				"org.springframework.boot.actuate.autoconfigure.data.redis.RedisReactiveHealthContributorAutoConfiguration" })
@ConditionalOnClass({ ClientOptions.class, RedisConnectionFactory.class })
@ConditionalOnProperty(prefix = "hardened.data.redis", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(DataRedisProperties.class)
public class DataRedisAutoConfiguration {

	/** Lettuce's own default, when spring.data.redis.timeout is unset and our default removed. */
	private static final Duration LETTUCE_DEFAULT_TIMEOUT = Duration.ofSeconds(60);

	@Bean
	@ConditionalOnMissingBean(name = "deadlineLettuceCustomizer")
	LettuceClientConfigurationBuilderCustomizer deadlineLettuceCustomizer(RedisProperties properties) {
		Duration configured = (properties.getTimeout() != null) ? properties.getTimeout() : LETTUCE_DEFAULT_TIMEOUT;
		TimeoutOptions timeouts = TimeoutOptions.builder()
			.timeoutSource(new DeadlineTimeoutSource(configured))
			.build();
		return (builder) -> {
			// Boot has already put its client options (socket, cluster, SSL) on the builder.
			ClientOptions current = builder.build().getClientOptions().orElseGet(ClientOptions::create);
			builder.clientOptions(current.mutate().timeoutOptions(timeouts).build());
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	@ConditionalOnSingleCandidate(RedisConnectionFactory.class)
	@ConditionalOnEnabledHealthIndicator("redis")
	static class RedisHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = { "redisHealthIndicator", "redisHealthContributor" })
		HealthIndicator redisHealthContributor(RedisConnectionFactory connectionFactory) {
			return new RedisPingHealthIndicator(connectionFactory);
		}

	}

}
