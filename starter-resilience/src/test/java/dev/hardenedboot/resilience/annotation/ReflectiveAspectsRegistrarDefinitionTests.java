package dev.hardenedboot.resilience.annotation;

import java.util.List;

import io.github.resilience4j.spring6.circuitbreaker.configure.CircuitBreakerAspect;
import org.junit.jupiter.api.Test;

import org.springframework.aop.aspectj.annotation.AnnotationAwareAspectJAutoProxyCreator;
import org.springframework.aop.config.AopConfigUtils;
import org.springframework.aop.framework.autoproxy.InfrastructureAdvisorAutoProxyCreator;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the registrar leaves alone, on a bare bean factory.
 */
class ReflectiveAspectsRegistrarDefinitionTests {

	private final DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();

	@Test
	void withoutAnAutoProxyCreatorNothingIsRegistered() {
		this.beanFactory.registerBeanDefinition("circuitBreakerAspect", aspect());
		process();
		assertThat(this.beanFactory.getBeanNamesForType(ReflectiveAspectAdvisor.class)).isEmpty();
	}

	@Test
	void anAutoProxyCreatorWithoutAspectJSupportIsLeftAlone() {
		registerCreator(InfrastructureAdvisorAutoProxyCreator.class);
		this.beanFactory.registerBeanDefinition("circuitBreakerAspect", aspect());
		process();
		assertThat(this.beanFactory.getBeanNamesForType(ReflectiveAspectAdvisor.class)).isEmpty();
		assertThat(creatorPatterns()).isNull();
	}

	@Test
	void patternsThatAreNoPlainStringsAreLeftAlone() {
		registerCreator(AnnotationAwareAspectJAutoProxyCreator.class).getPropertyValues()
			.add(ReflectiveAspectsRegistrar.INCLUDE_PATTERNS, new RuntimeBeanReference("patterns"));
		this.beanFactory.registerBeanDefinition("circuitBreakerAspect", aspect());
		process();
		assertThat(this.beanFactory.getBeanNamesForType(ReflectiveAspectAdvisor.class)).isEmpty();
		assertThat(creatorPatterns()).isInstanceOf(RuntimeBeanReference.class);
	}

	@Test
	void anArrayOfPatternsIsNarrowed() {
		registerCreator(AnnotationAwareAspectJAutoProxyCreator.class).getPropertyValues()
			.add(ReflectiveAspectsRegistrar.INCLUDE_PATTERNS, new String[] { "circuit.*" });
		this.beanFactory.registerBeanDefinition("circuitBreakerAspect", aspect());
		process();
		assertThat(this.beanFactory.getBeanNamesForType(ReflectiveAspectAdvisor.class)).hasSize(1);
		assertThat(creatorPatterns()).isEqualTo(ReflectiveAspectsRegistrar
			.excluding(List.of("circuit.*"), List.of("circuitBreakerAspect")));
	}

	@Test
	void noExactResilience4jAspectMeansNoChange() {
		registerCreator(AnnotationAwareAspectJAutoProxyCreator.class);
		process();
		assertThat(creatorPatterns()).isNull();
	}

	private RootBeanDefinition registerCreator(Class<?> type) {
		RootBeanDefinition creator = new RootBeanDefinition(type);
		this.beanFactory.registerBeanDefinition(AopConfigUtils.AUTO_PROXY_CREATOR_BEAN_NAME, creator);
		return creator;
	}

	private static RootBeanDefinition aspect() {
		return new RootBeanDefinition(CircuitBreakerAspect.class);
	}

	private void process() {
		new ReflectiveAspectsRegistrar().postProcessBeanDefinitionRegistry(this.beanFactory);
	}

	private Object creatorPatterns() {
		return this.beanFactory.getBeanDefinition(AopConfigUtils.AUTO_PROXY_CREATOR_BEAN_NAME)
			.getPropertyValues()
			.get(ReflectiveAspectsRegistrar.INCLUDE_PATTERNS);
	}

}
