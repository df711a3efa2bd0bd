package dev.hardenedboot.core.propagation;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import dev.hardenedboot.core.context.RequestContext;
import io.micrometer.context.ContextSnapshotFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

class ContextPropagationAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(ContextPropagationAutoConfiguration.class, TaskExecutionAutoConfiguration.class));

	@AfterEach
	void clearMdc() {
		MDC.clear();
	}

	@Test
	void onByDefaultAndAppliedToBootsExecutor() {
		this.runner.run((context) -> {
			assertThat(context).getBean(TaskDecorator.class).isInstanceOf(RequestContextTaskDecorator.class);
			assertThat(requestIdSeenBy(context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class)))
				.isEqualTo("req-1");
		});
	}

	@Test
	void appliedToBootsTaskScheduler() {
		this.runner.withConfiguration(AutoConfigurations.of(TaskSchedulingAutoConfiguration.class))
			.withUserConfiguration(SchedulingOn.class)
			.run((context) -> {
				ThreadPoolTaskScheduler scheduler = context.getBean(ThreadPoolTaskScheduler.class);
				MDC.put("request_id", "req-2");
				CompletableFuture<String> seen = new CompletableFuture<>();
				try (RequestContext.Scope scope = RequestContext.of("req-2").makeCurrent()) {
					scheduler.schedule(() -> seen.complete(MDC.get("request_id")), java.time.Instant.now());
				}
				MDC.clear();
				assertThat(seen.get(5, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("req-2");
			});
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.request.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(TaskDecorator.class);
			assertThat(requestIdSeenBy(context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class)))
				.isNull();
		});
	}

	@Test
	void composesWithAUserDecoratorInsteadOfAddingASecondOne() {
		this.runner.withUserConfiguration(UserDecorator.class).run((context) -> {
			assertThat(context).hasSingleBean(TaskDecorator.class);
			assertThat(context).getBean(TaskDecorator.class).isInstanceOf(MarkingDecorator.class);
			MarkingDecorator.marks.clear();
			ThreadPoolTaskExecutor executor = context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
			assertThat(requestIdSeenBy(executor)).isEqualTo("req-1");
			assertThat(MarkingDecorator.marks).containsEntry("mdcWhenUserWrapperRan", "req-1");
		});
	}

	@Test
	void composesWithALambdaDecorator() {
		this.runner.withUserConfiguration(LambdaDecorator.class).run((context) -> {
			assertThat(context).hasSingleBean(TaskDecorator.class);
			assertThat(requestIdSeenBy(context.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class)))
				.isEqualTo("req-1");
		});
	}

	@Test
	void absentWithoutContextPropagation() {
		this.runner.withClassLoader(new FilteredClassLoader(ContextSnapshotFactory.class))
			.run((context) -> assertThat(context).doesNotHaveBean(TaskDecorator.class));
	}

	private static String requestIdSeenBy(ThreadPoolTaskExecutor executor) {
		MDC.put("request_id", "req-1");
		try (RequestContext.Scope scope = RequestContext.of("req-1").makeCurrent()) {
			CompletableFuture<String> seen = executor.submitCompletable(() -> MDC.get("request_id"));
			MDC.clear();
			return seen.join();
		}
	}

	static class MarkingDecorator implements TaskDecorator {

		static final Map<String, String> marks = new ConcurrentHashMap<>();

		@Override
		public Runnable decorate(Runnable runnable) {
			return () -> {
				String mdc = MDC.get("request_id");
				marks.put("mdcWhenUserWrapperRan", (mdc != null) ? mdc : "none");
				runnable.run();
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class SchedulingOn {

	}

	@Configuration(proxyBeanMethods = false)
	static class UserDecorator {

		@Bean
		MarkingDecorator markingDecorator() {
			return new MarkingDecorator();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class LambdaDecorator {

		@Bean
		TaskDecorator lambdaDecorator() {
			return (runnable) -> runnable;
		}

	}

}
