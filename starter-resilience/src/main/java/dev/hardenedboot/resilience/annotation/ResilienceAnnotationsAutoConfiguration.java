package dev.hardenedboot.resilience.annotation;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.spring6.fallback.FallbackMethod;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

/**
 * Start-up checks of resilience4j's annotations (see {@link ResilienceAnnotationChecker}), and
 * the methods they decorate found by reflection rather than by AspectJ (see
 * {@link ReflectiveAspectsRegistrar}).
 */
@AutoConfiguration(after = AopAutoConfiguration.class)
@ConditionalOnClass({ CircuitBreaker.class, FallbackMethod.class })
@ConditionalOnProperty(prefix = "hardened.resilience", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(ResilienceAnnotationsProperties.class)
public class ResilienceAnnotationsAutoConfiguration {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	@ConditionalOnMissingBean
	static ResilienceAnnotations resilienceAnnotations() {
		return new ResilienceAnnotations();
	}

	@Bean
	static ResilienceAnnotationChecker resilienceAnnotationChecker(ResilienceAnnotations resilienceAnnotations) {
		return new ResilienceAnnotationChecker(resilienceAnnotations);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.github.resilience4j.spring6.circuitbreaker.configure.CircuitBreakerAspect",
			"org.aspectj.lang.ProceedingJoinPoint" })
	@ConditionalOnBooleanProperty(name = "spring.aop.auto", matchIfMissing = true)
	@ConditionalOnBooleanProperty(name = "hardened.resilience.annotations.reflective-matching", matchIfMissing = true)
	static class ReflectiveMatchingConfiguration {

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static ReflectiveAspectsRegistrar reflectiveAspectsRegistrar() {
			return new ReflectiveAspectsRegistrar();
		}

	}

}
