package dev.hardenedboot.core.config.reload;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.Set;

import dev.hardenedboot.core.config.InvalidPropertyFailureAnalyzer;
import dev.hardenedboot.core.config.PropertiesValidator;

import org.springframework.beans.BeansException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.BindMethod;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.bind.handler.IgnoreErrorsBindHandler;
import org.springframework.boot.context.properties.bind.handler.IgnoreTopLevelConverterNotFoundBindHandler;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.UnboundElementsSourceFilter;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.format.Formatter;
import org.springframework.lang.Nullable;
import org.springframework.util.ClassUtils;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.Validated;

/**
 * Binds the {@code @ConfigurationProperties} beans a change touches against the candidate
 * configuration, with the checks start-up applies (conversion, bean validation of
 * {@code @Validated} classes, {@code ignoreUnknownFields}, the application's bind handler
 * advisors), then copies the new values into the running beans.
 *
 * <p>Each bean is bound into a fresh instance, never into the running one: a property that
 * was removed from a file then returns to its default, and the running bean is only touched
 * once every bean has bound cleanly. Constructor-bound beans and records cannot be changed
 * in place; they are reported as needing a restart.
 */
final class PropertiesRebinding {

	private static final String VALIDATOR_BEAN_NAME = "configurationPropertiesValidator";

	private final ConfigurableApplicationContext context;

	private final InvalidPropertyFailureAnalyzer analyzer;

	@Nullable
	private Validator beanValidator;

	PropertiesRebinding(ConfigurableApplicationContext context) {
		this.context = context;
		this.analyzer = new InvalidPropertyFailureAnalyzer(context.getEnvironment());
	}

	/**
	 * Binds every bean whose prefix holds a changed key.
	 * @return the fresh instances, or the problems when any bean does not bind
	 */
	Binding bind(ConfigurableEnvironment candidate, Set<String> changedKeys) {
		Binder binder = new Binder(ConfigurationPropertySources.get(candidate),
				new PropertySourcesPlaceholdersResolver(candidate), conversionServices(), null, null, null);
		List<Bound> bound = new ArrayList<>();
		List<String> problems = new ArrayList<>();
		for (ConfigurationPropertiesBean bean : ConfigurationPropertiesBean.getAll(this.context).values()) {
			if (!touches(bean, changedKeys)) {
				continue;
			}
			try {
				Object fresh = binder.bindOrCreate(bean.getAnnotation().prefix(), freshTarget(bean), handler(bean));
				bound.add(new Bound(bean, fresh));
			}
			catch (BindException ex) {
				problems.add(describe(ex));
			}
		}
		return new Binding(bound, problems, changedKeys);
	}

	private static boolean touches(ConfigurationPropertiesBean bean, Set<String> changedKeys) {
		ConfigurationPropertyName prefix = ConfigurationPropertyName.of(bean.getAnnotation().prefix());
		return changedKeys.stream()
			.map(ConfigurationPropertyName::ofIfValid)
			.filter(Objects::nonNull)
			.anyMatch((key) -> prefix.equals(key) || prefix.isAncestorOf(key));
	}

	private static Bindable<?> freshTarget(ConfigurationPropertiesBean bean) {
		Bindable<?> target = bean.asBindTarget();
		return Bindable.of(target.getType())
			.withAnnotations(target.getAnnotations())
			.withBindMethod(target.getBindMethod());
	}

	/** The bind handlers Boot's own binding of {@code bean} uses. */
	private BindHandler handler(ConfigurationPropertiesBean bean) {
		ConfigurationProperties annotation = bean.getAnnotation();
		BindHandler handler = new IgnoreTopLevelConverterNotFoundBindHandler();
		if (annotation.ignoreInvalidFields()) {
			handler = new IgnoreErrorsBindHandler(handler);
		}
		if (!annotation.ignoreUnknownFields()) {
			handler = new NoUnboundElementsBindHandler(handler, new UnboundElementsSourceFilter());
		}
		List<Validator> validators = validators(bean);
		if (!validators.isEmpty()) {
			handler = new ValidationBindHandler(handler, validators.toArray(Validator[]::new));
		}
		for (ConfigurationPropertiesBindHandlerAdvisor advisor : this.context
			.getBeanProvider(ConfigurationPropertiesBindHandlerAdvisor.class)
			.orderedStream()
			.toList()) {
			handler = advisor.apply(handler);
		}
		return handler;
	}

	private List<Validator> validators(ConfigurationPropertiesBean bean) {
		List<Validator> validators = new ArrayList<>();
		if (this.context.containsBean(VALIDATOR_BEAN_NAME)
				&& this.context.getBean(VALIDATOR_BEAN_NAME) instanceof Validator configured) {
			validators.add(configured);
		}
		if (AnnotatedElementUtils.hasAnnotation(typeOf(bean), Validated.class)
				&& ClassUtils.isPresent("jakarta.validation.Validator", getClass().getClassLoader())) {
			validators.add(beanValidator());
		}
		return validators;
	}

	private static boolean isConstructorBound(ConfigurationPropertiesBean bean) {
		return bean.asBindTarget().getBindMethod() == BindMethod.VALUE_OBJECT;
	}

	private static Class<?> typeOf(ConfigurationPropertiesBean bean) {
		return bean.asBindTarget().getType().resolve(Object.class);
	}

	private Validator beanValidator() {
		if (this.beanValidator == null) {
			this.beanValidator = PropertiesValidator.create(this.context);
		}
		return this.beanValidator;
	}

	/**
	 * The context's conversion service when it has one, otherwise Boot's with the
	 * application's {@code @ConfigurationPropertiesBinding} converters, as Boot binds.
	 */
	private List<ConversionService> conversionServices() {
		String name = ConfigurableApplicationContext.CONVERSION_SERVICE_BEAN_NAME;
		if (this.context.containsBean(name) && this.context.getBean(name) instanceof ConversionService configured) {
			return List.of(configured);
		}
		List<ConversionService> services = new ArrayList<>();
		var qualified = this.context.getBeansWithAnnotation(ConfigurationPropertiesBinding.class).values();
		if (!qualified.isEmpty()) {
			ApplicationConversionService withConverters = new ApplicationConversionService();
			for (Object converter : qualified) {
				if (converter instanceof GenericConverter generic) {
					withConverters.addConverter(generic);
				}
				else if (converter instanceof Converter<?, ?> plain) {
					withConverters.addConverter(plain);
				}
				else if (converter instanceof Formatter<?> formatter) {
					withConverters.addFormatter(formatter);
				}
			}
			services.add(withConverters);
		}
		services.add(ApplicationConversionService.getSharedInstance());
		return services;
	}

	private String describe(BindException ex) {
		FailureAnalysis analysis = this.analyzer.analyze(ex);
		if (analysis != null) {
			return analysis.getDescription() + "\n" + analysis.getAction();
		}
		Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
		return "Invalid value for '" + ex.getName() + "'"
				+ ((ex.getProperty() != null) ? " (" + ex.getProperty().getOrigin() + ")" : "") + ": "
				+ cause.getMessage();
	}

	/**
	 * The outcome of binding the candidate.
	 *
	 * @param bound the fresh instances, one per touched bean
	 * @param problems what did not bind, one entry per bean
	 * @param changedKeys the keys whose values changed
	 */
	record Binding(List<Bound> bound, List<String> problems, Set<String> changedKeys) {

		/**
		 * Copies every fresh instance into its running bean.
		 * @return what could not change in place and needs a restart
		 */
		List<String> applyToRunningBeans() {
			List<String> restartRequired = new ArrayList<>(constructorBound());
			for (Bound bound : this.bound) {
				ConfigurationPropertiesBean bean = bound.bean();
				if (isConstructorBound(bean)) {
					continue;
				}
				try {
					PropertiesCopy.copy(bound.fresh(), bean.getInstance(), touchedProperties(bean));
				}
				catch (BeansException ex) {
					restartRequired.add("'" + bean.getAnnotation().prefix() + "' (" + typeOf(bean).getName()
							+ " refused the new values: " + ex.getMostSpecificCause().getMessage() + ")");
				}
			}
			return restartRequired;
		}

		/**
		 * The first property names below the bean's prefix that a changed key reaches:
		 * {@code pool} for {@code orders.pool.size} under {@code orders}.
		 */
		private Predicate<String> touchedProperties(ConfigurationPropertiesBean bean) {
			ConfigurationPropertyName prefix = ConfigurationPropertyName.of(bean.getAnnotation().prefix());
			Set<String> names = this.changedKeys.stream()
				.map(ConfigurationPropertyName::ofIfValid)
				.filter((key) -> key != null && prefix.isAncestorOf(key))
				.map((key) -> key.getElement(prefix.getNumberOfElements(), ConfigurationPropertyName.Form.DASHED))
				.collect(Collectors.toSet());
			return names::contains;
		}

		/**
		 * The touched beans that are constructor-bound, which nothing can change in place.
		 * @return one description per bean
		 */
		List<String> constructorBound() {
			return this.bound.stream()
				.map(Bound::bean)
				.filter(PropertiesRebinding::isConstructorBound)
				.map((bean) -> "'" + bean.getAnnotation().prefix() + "' (" + typeOf(bean).getName()
						+ " is constructor-bound and keeps its values until a restart)")
				.toList();
		}

	}

	/**
	 * A bean and its values bound from the candidate.
	 *
	 * @param bean the running bean
	 * @param fresh a new instance bound from the candidate configuration
	 */
	record Bound(ConfigurationPropertiesBean bean, Object fresh) {

	}

}
