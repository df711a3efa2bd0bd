package dev.hardenedboot.resilience.annotation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.aop.aspectj.annotation.AnnotationAwareAspectJAutoProxyCreator;
import org.springframework.aop.config.AopConfigUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.PropertyValue;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.TypedStringValue;
import org.springframework.beans.factory.support.BeanDefinitionBuilder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.lang.Nullable;
import org.springframework.util.ClassUtils;

/**
 * Takes resilience4j's own aspect beans away from Spring's AspectJ auto-proxy creator and
 * registers a {@link ReflectiveAspectAdvisor} for each one instead. With AspectJ pointcuts,
 * the creator has AspectJ's weaver read every method of every bean class to match them; a
 * third of start-up went there.
 * <p>
 * The creator's include patterns ({@code <aop:include>} in XML) are Spring's own switch for
 * which {@code @Aspect} beans it builds advisors from. Narrowing them leaves the aspect beans
 * as resilience4j configured them (registries, fallbacks, SpEL, extensions for reactive
 * types, orders), and every other {@code @Aspect} bean to AspectJ: the application's own, and
 * any subclass of resilience4j's aspects, since only beans of exactly resilience4j's classes
 * are taken away. Replacing the creator or its {@code AspectJAdvisorFactory} instead would
 * take over every aspect of the application. Patterns already set are kept and narrowed, not
 * replaced.
 */
class ReflectiveAspectsRegistrar implements BeanDefinitionRegistryPostProcessor {

	static final String INCLUDE_PATTERNS = "includePatterns";

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
		if (!(registry instanceof ConfigurableListableBeanFactory beanFactory)
				|| !registry.containsBeanDefinition(AopConfigUtils.AUTO_PROXY_CREATOR_BEAN_NAME)) {
			return;
		}
		BeanDefinition creator = registry.getBeanDefinition(AopConfigUtils.AUTO_PROXY_CREATOR_BEAN_NAME);
		ClassLoader classLoader = beanFactory.getBeanClassLoader();
		if (!isAspectJCreator(creator, classLoader)) {
			return;
		}
		List<String> userPatterns = includePatterns(creator.getPropertyValues().getPropertyValue(INCLUDE_PATTERNS));
		if (userPatterns == null) {
			return;
		}
		List<ReflectiveAspectAdvisor> advisors = new ArrayList<>();
		for (ResilienceAspectType type : ResilienceAspectType.ALL) {
			ResilienceAspectType.Resolved resolved = type.resolve(classLoader);
			if (resolved == null) {
				continue;
			}
			for (String name : beanFactory.getBeanNamesForType(resolved.aspectClass(), true, false)) {
				if (beanFactory.getType(name, false) == resolved.aspectClass()) {
					advisors.add(new ReflectiveAspectAdvisor(resolved, beanFactory, name));
				}
			}
		}
		if (advisors.isEmpty()) {
			return;
		}
		List<String> aspectBeanNames = new ArrayList<>();
		for (ReflectiveAspectAdvisor advisor : advisors) {
			aspectBeanNames.add(advisor.getAspectBeanName());
			registry.registerBeanDefinition(ReflectiveAspectAdvisor.class.getName() + "#" + advisor.getAspectBeanName(),
					BeanDefinitionBuilder.rootBeanDefinition(ReflectiveAspectAdvisor.class, () -> advisor)
						.setRole(BeanDefinition.ROLE_INFRASTRUCTURE)
						.getBeanDefinition());
		}
		creator.getPropertyValues().add(INCLUDE_PATTERNS, excluding(userPatterns, aspectBeanNames));
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
	}

	private static boolean isAspectJCreator(BeanDefinition creator, @Nullable ClassLoader classLoader) {
		String className = creator.getBeanClassName();
		return className != null && ClassUtils.isPresent(className, classLoader)
				&& AnnotationAwareAspectJAutoProxyCreator.class
					.isAssignableFrom(ClassUtils.resolveClassName(className, classLoader));
	}

	/**
	 * The include patterns already set on the creator's definition: none, or what
	 * {@code <aop:include>} or a property value holds.
	 * @return the patterns, empty for none, or {@code null} when they are not plain strings
	 * (such as an expression resolved later), which this leaves alone
	 */
	@Nullable
	private static List<String> includePatterns(@Nullable PropertyValue value) {
		if (value == null || value.getValue() == null) {
			return List.of();
		}
		Object patterns = value.getValue();
		Collection<?> elements = (patterns instanceof Collection<?> collection) ? collection
				: (patterns instanceof Object[] array) ? List.of(array) : List.of(patterns);
		List<String> texts = new ArrayList<>();
		for (Object element : elements) {
			if (element instanceof TypedStringValue typed && typed.getValue() != null) {
				texts.add(typed.getValue());
			}
			else if (element instanceof String text) {
				texts.add(text);
			}
			else {
				return null;
			}
		}
		return texts;
	}

	/**
	 * Each pattern, or any bean name when there is none, except the given bean names. The
	 * creator includes a bean whose whole name one pattern matches.
	 */
	static List<String> excluding(List<String> patterns, List<String> beanNames) {
		String names = beanNames.stream().map(Pattern::quote).collect(Collectors.joining("|"));
		String except = "(?!(?:" + names + ")$)";
		if (patterns.isEmpty()) {
			return List.of(except + ".*");
		}
		return patterns.stream().map((pattern) -> except + "(?:" + pattern + ")").toList();
	}

}
