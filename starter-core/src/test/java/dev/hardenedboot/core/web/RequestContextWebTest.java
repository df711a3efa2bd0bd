package dev.hardenedboot.core.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The request-context test application on Tomcat at a random port. One annotation, so that
 * every test class using it shares one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = RequestContextTestApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "hardened.request.routes[0].path=/slow/**", "hardened.request.routes[0].timeout=200ms",
				"management.endpoints.web.exposure.include=health",
				"hardened.errors.exceptions[java.util.ConcurrentModificationException]=CONFLICT",
				"server.forward-headers-strategy=native" })
public @interface RequestContextWebTest {

}
