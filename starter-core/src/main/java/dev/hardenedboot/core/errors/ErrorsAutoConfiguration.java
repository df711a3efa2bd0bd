package dev.hardenedboot.core.errors;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;

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
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tomcat.class)
	static class TomcatErrorReportConfiguration {

		/**
		 * Replaces the error report valve Boot installs (HTML without details) with one that
		 * answers problem details. Runs after Boot's own customizer, which adds that valve.
		 */
		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValveCustomizer() {
			return new ProblemErrorReportValveCustomizer();
		}

	}

	static class ProblemErrorReportValveCustomizer
			implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers((context) -> {
				if (context.getParent() instanceof StandardHost host) {
					for (Valve valve : host.getPipeline().getValves()) {
						if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
							host.getPipeline().removeValve(valve);
						}
					}
					host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
					host.getPipeline().addValve(new ProblemErrorReportValve());
				}
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

	@Bean
	@ConditionalOnMissingBean(ErrorController.class)
	ProblemErrorController problemErrorController(ProblemDetails problems, ErrorCodeRegistry registry) {
		return new ProblemErrorController(problems, registry);
	}

}
