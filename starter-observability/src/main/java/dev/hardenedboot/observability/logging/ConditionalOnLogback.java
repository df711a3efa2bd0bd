package dev.hardenedboot.observability.logging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when Logback is SLF4J's logging backend: having Logback on the class path is not
 * enough, another backend may be bound.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnLogbackCondition.class)
public @interface ConditionalOnLogback {

}
