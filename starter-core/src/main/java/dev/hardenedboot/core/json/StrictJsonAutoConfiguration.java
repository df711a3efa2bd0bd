package dev.hardenedboot.core.json;

import java.util.List;
import java.util.ListIterator;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Strict JSON for request bodies. Spring MVC's Jackson converter is replaced, in MVC's own
 * converter list only, by one on a strict copy of the application's ObjectMapper. The shared
 * converter instances and the shared ObjectMapper are left alone: they also read third-party
 * responses for RestClient and RestTemplate, which must not start failing.
 */
@AutoConfiguration(after = JacksonAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ DispatcherServlet.class, ObjectMapper.class })
@ConditionalOnBean(ObjectMapper.class)
@ConditionalOnProperty(prefix = "hardened.json", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(StrictJsonProperties.class)
public class StrictJsonAutoConfiguration {

	@Bean
	WebMvcConfigurer strictJsonWebMvcConfigurer(ObjectMapper objectMapper, StrictJsonProperties properties) {
		ObjectMapper strict = StrictJsonMapperFactory.strictCopyOf(objectMapper, properties);
		return new WebMvcConfigurer() {

			@Override
			public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
				ListIterator<HttpMessageConverter<?>> iterator = converters.listIterator();
				while (iterator.hasNext()) {
					HttpMessageConverter<?> converter = iterator.next();
					// Exactly Jackson's JSON converter: not its subclasses for other formats.
					if (converter.getClass() == MappingJackson2HttpMessageConverter.class) {
						iterator.set(new MappingJackson2HttpMessageConverter(strict));
					}
				}
			}

		};
	}

}
