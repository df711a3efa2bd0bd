package dev.hardenedboot.core.errors;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as RFC 9457 problem details with an error code: the exception handler for
 * controllers, the error controller for what filters and the container reject, and the
 * registry of codes. Each bean backs off to the application's own.
 */
@AutoConfiguration(before = { ErrorMvcAutoConfiguration.class, WebMvcAutoConfiguration.class },
		after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, ObjectMapper.class })
@ConditionalOnProperty(prefix = "hardened.errors", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(ErrorsProperties.class)
public class ErrorsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ErrorCodeRegistry errorCodeRegistry(ErrorsProperties properties, ObjectProvider<ErrorCodeProvider> providers) {
		return new ErrorCodeRegistry(properties,
				providers.orderedStream().flatMap((provider) -> provider.errorCodes().stream()).toList(),
				getClass().getClassLoader());
	}

	@Bean
	@ConditionalOnMissingBean
	ProblemDetails problemDetails(ErrorsProperties properties) {
		return new ProblemDetails(properties.getTypeBase());
	}

	@Bean
	@ConditionalOnMissingBean
	ProblemResponseWriter problemResponseWriter(ObjectProvider<ObjectMapper> objectMapper,
			ObjectProvider<ProblemResponseCustomizer> customizers) {
		return new ProblemResponseWriter(objectMapper.getIfAvailable(ObjectMapper::new),
				customizers.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
	HardenedExceptionHandler hardenedExceptionHandler(ProblemDetails problems, ErrorCodeRegistry registry) {
		return new HardenedExceptionHandler(problems, registry);
	}

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ProblemErrorController problemErrorController(ProblemDetails problems, ErrorCodeRegistry registry) {
		return new ProblemErrorController(problems, registry);
	}

}
