package dev.hardenedboot.core.deadline;

import java.util.EnumSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardenedboot.core.config.ConfigReloadedEvent;
import dev.hardenedboot.core.errors.ErrorsAutoConfiguration;
import dev.hardenedboot.core.errors.ProblemDetails;
import dev.hardenedboot.core.errors.ProblemResponseCustomizer;
import dev.hardenedboot.core.errors.ProblemResponseWriter;
import dev.hardenedboot.core.requestid.RequestIdAutoConfiguration;
import dev.hardenedboot.core.web.HardenedFilterOrder;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ConditionalOnMissingFilterBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.AsyncSupportConfigurer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Per-request deadlines for Spring MVC applications: the {@link DeadlineFilter} right after
 * Boot's observation filter, the handler interceptor that records routes and exempts
 * streams, and the timeout counter when Micrometer is present.
 */
@AutoConfiguration(
		after = { RequestIdAutoConfiguration.class, JacksonAutoConfiguration.class, ErrorsAutoConfiguration.class },
		afterName = "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, ObjectMapper.class })
@ConditionalOnProperty(prefix = "hardened.request", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(RequestProperties.class)
public class DeadlineAutoConfiguration {

	@Bean
	@ConditionalOnMissingFilterBean(DeadlineFilter.class)
	FilterRegistrationBean<DeadlineFilter> deadlineFilter(RequestProperties properties,
			ObjectProvider<ObjectMapper> objectMapper, ObjectProvider<ProblemDetails> problems,
			ObjectProvider<ProblemResponseWriter> writer, ObjectProvider<ProblemResponseCustomizer> customizers,
			ObjectProvider<RequestTimeoutRecorder> recorder) {
		// The problem beans come with the errors auto-configuration; the deadline answers in the
		// same format when that is switched off.
		DeadlineFilter filter = new DeadlineFilter(new DeadlinePolicy(properties),
				problems.getIfAvailable(() -> new ProblemDetails(null)),
				writer.getIfAvailable(() -> new ProblemResponseWriter(objectMapper.getIfAvailable(ObjectMapper::new),
						customizers.orderedStream().toList())),
				recorder.getIfAvailable(() -> RequestTimeoutRecorder.NONE));
		FilterRegistrationBean<DeadlineFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(HardenedFilterOrder.DEADLINE);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC));
		return registration;
	}

	/**
	 * Rebuilds the deadline filter's policy when a configuration reload changes
	 * {@code hardened.request.*}, so a new default timeout applies to the next request.
	 * @param filters the filter registrations, ours among them unless the application
	 * replaced it
	 * @param properties the rebound properties
	 * @return the listener
	 */
	@Bean
	ApplicationListener<ConfigReloadedEvent> deadlinePolicyReload(ObjectProvider<FilterRegistrationBean<?>> filters,
			RequestProperties properties) {
		return (event) -> {
			if (event.changedUnder("hardened.request")) {
				filters.orderedStream()
					.map(FilterRegistrationBean::getFilter)
					.filter(DeadlineFilter.class::isInstance)
					.forEach((filter) -> ((DeadlineFilter) filter).reload(properties));
			}
		};
	}

	@Bean
	WebMvcConfigurer deadlineWebMvcConfigurer() {
		DeadlineHandlerInterceptor handlerInterceptor = new DeadlineHandlerInterceptor();
		DeadlineAsyncInterceptor asyncInterceptor = new DeadlineAsyncInterceptor();
		return new WebMvcConfigurer() {

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(handlerInterceptor);
			}

			@Override
			public void configureAsyncSupport(AsyncSupportConfigurer configurer) {
				configurer.registerCallableInterceptors(asyncInterceptor);
				configurer.registerDeferredResultInterceptors(asyncInterceptor);
			}

		};
	}

	@Bean
	LateResponseAdvice lateResponseAdvice() {
		return new LateResponseAdvice();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class TimeoutMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RequestTimeoutRecorder requestTimeoutRecorder(MeterRegistry registry) {
			return new MicrometerRequestTimeoutRecorder(registry);
		}

	}

}
