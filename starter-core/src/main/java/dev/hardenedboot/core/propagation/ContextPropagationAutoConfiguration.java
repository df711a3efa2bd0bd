package dev.hardenedboot.core.propagation;

import io.micrometer.context.ContextSnapshotFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskDecorator;

/**
 * The MDC, the trace context and the request context (without its deadline) follow tasks
 * onto Boot's {@code applicationTaskExecutor}, {@code @Async} methods and the task scheduler:
 * Boot's builders apply the single {@link TaskDecorator} bean, which is ours, or the
 * application's with ours composed around it.
 */
@AutoConfiguration(before = { TaskExecutionAutoConfiguration.class, TaskSchedulingAutoConfiguration.class })
@ConditionalOnClass({ ContextSnapshotFactory.class, TaskDecorator.class })
@ConditionalOnProperty(prefix = "hardened.request", name = "enabled", matchIfMissing = true)
public class ContextPropagationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(TaskDecorator.class)
	RequestContextTaskDecorator requestContextTaskDecorator() {
		return new RequestContextTaskDecorator();
	}

	@Bean
	static UserTaskDecoratorComposer userTaskDecoratorComposer() {
		return new UserTaskDecoratorComposer(new RequestContextTaskDecorator());
	}

}
