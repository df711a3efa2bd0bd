package dev.hardenedboot.core.security;

import java.util.EnumSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardenedboot.core.errors.ErrorsAutoConfiguration;
import dev.hardenedboot.core.errors.ProblemDetails;
import dev.hardenedboot.core.errors.ProblemResponseCustomizer;
import dev.hardenedboot.core.errors.ProblemResponseWriter;
import dev.hardenedboot.core.web.HardenedFilterOrder;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpFilter;
import org.apache.catalina.startup.Tomcat;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.EndpointFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.servlet.ConditionalOnMissingFilterBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Limits of the web tier: the request body cap, and sensitive actuator endpoints kept off
 * the main port. Tomcat's own limits are set as defaults by
 * {@link ServerDefaultsEnvironmentPostProcessor}.
 */
@AutoConfiguration(after = ErrorsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ HttpFilter.class, ObjectMapper.class })
@ConditionalOnProperty(prefix = "hardened.server", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(ServerLimitsProperties.class)
public class ServerLimitsAutoConfiguration {

	@Bean
	@ConditionalOnMissingFilterBean(RequestBodyLimitFilter.class)
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ServerLimitsProperties properties,
			ObjectProvider<ProblemDetails> problems, ObjectProvider<ProblemResponseWriter> writer,
			ObjectProvider<ObjectMapper> objectMapper, ObjectProvider<ProblemResponseCustomizer> customizers) {
		RequestBodyLimitFilter filter = new RequestBodyLimitFilter(properties.getMaxRequestBodySize().toBytes(),
				problems.getIfAvailable(() -> new ProblemDetails(null)),
				writer.getIfAvailable(() -> new ProblemResponseWriter(objectMapper.getIfAvailable(ObjectMapper::new),
						customizers.orderedStream().toList())));
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(HardenedFilterOrder.REQUEST_BODY_LIMIT);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
		return registration;
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tomcat.class)
	static class TomcatConfiguration {

		/**
		 * Tomcat answers {@code Expect: 100-continue} as soon as a request arrives by default,
		 * inviting the client to upload a body the application may refuse unread; with
		 * {@code onRead} it answers only when the application starts reading, so a 413 for a
		 * declared oversized body costs no upload.
		 */
		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueOnReadCustomizer() {
			return (factory) -> factory.addConnectorCustomizers(
					(connector) -> connector.setProperty("continueResponseTiming", "onRead"));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ EndpointFilter.class, ManagementPortType.class })
	@ConditionalOnProperty(prefix = "hardened.server", name = "sensitive-endpoints-on-management-port-only",
			matchIfMissing = true)
	static class SensitiveEndpointsConfiguration {

		@Bean
		SensitiveEndpointsFilter sensitiveEndpointsFilter(Environment environment) {
			return new SensitiveEndpointsFilter(ManagementPortType.get(environment) == ManagementPortType.DIFFERENT);
		}

	}

}
