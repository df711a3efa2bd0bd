package dev.hardenedboot.resilience.annotation;

import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
import io.github.resilience4j.spring6.fallback.FallbackMethod;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;

/**
 * Start-up checks of resilience4j's annotations (see {@link ResilienceAnnotationChecker}).
 */
@AutoConfiguration(after = AopAutoConfiguration.class)
@ConditionalOnClass({ CircuitBreaker.class, FallbackMethod.class })
@ConditionalOnProperty(prefix = "hardened.resilience", name = "enabled", matchIfMissing = true)
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

}
