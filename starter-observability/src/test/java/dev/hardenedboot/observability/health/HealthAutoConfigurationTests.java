package dev.hardenedboot.observability.health;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.availability.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class HealthAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withInitializer((context) -> new HealthGroupsEnvironmentPostProcessor()
			.postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
		.withConfiguration(AutoConfigurations.of(HealthAutoConfiguration.class,
				ApplicationAvailabilityAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class,
				EndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				HealthEndpointAutoConfiguration.class));

	private final CountDownLatch deadlocked = new CountDownLatch(2);

	private Thread first;

	private Thread second;

	@AfterEach
	void breakTheDeadlock() throws InterruptedException {
		for (Thread thread : new Thread[] { this.first, this.second }) {
			if (thread != null) {
				thread.interrupt();
				thread.join(5000);
				assertThat(thread.isAlive()).isFalse();
			}
		}
	}

	@Test
	void onByDefault() {
		this.runner.run((context) -> {
			started(context);
			assertThat(context).hasSingleBean(HealthCheckExecutor.class)
				.hasBean("deadlocksHealthIndicator")
				.hasBean("gcOverheadHealthIndicator")
				.hasSingleBean(FilterRegistrationBean.class);
			assertThat(context.getBean(HealthContributorRegistry.class))
				.isInstanceOf(BoundedHealthContributorRegistry.class);
			HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
			assertThat(endpoint.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
			assertThat(endpoint.healthForPath("readiness").getStatus()).isEqualTo(Status.UP);
			assertThat(endpoint.healthForPath("deep").getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.health.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(HealthCheckExecutor.class)
				.doesNotHaveBean(DeadlockHealthIndicator.class)
				.doesNotHaveBean(FilterRegistrationBean.class);
			assertThat(context.getBean(HealthContributorRegistry.class))
				.isNotInstanceOf(BoundedHealthContributorRegistry.class);
		});
	}

	@Test
	void groupsAreOnlyDefaults() {
		this.runner.withPropertyValues("management.endpoint.health.group.liveness.include=livenessState")
			.run((context) -> assertThat(context.getEnvironment()
				.getProperty("management.endpoint.health.group.liveness.include")).isEqualTo("livenessState"));
	}

	@Test
	void backsOffToUserIndicators() {
		this.runner.withUserConfiguration(UserIndicators.class).run((context) -> {
			assertThat(context).doesNotHaveBean(DeadlockHealthIndicator.class)
				.doesNotHaveBean(GcOverheadHealthIndicator.class);
			assertThat(context.getBean(HealthEndpoint.class).healthForPath("liveness", "deadlocks").getStatus())
				.isEqualTo(Status.OUT_OF_SERVICE);
		});
	}

	@Test
	void processIndicatorsCanBeSwitchedOffOneByOne() {
		this.runner.withPropertyValues("management.health.gcoverhead.enabled=false")
			.run((context) -> assertThat(context).hasBean("deadlocksHealthIndicator")
				.doesNotHaveBean(GcOverheadHealthIndicator.class));
	}

	@Test
	void absentWithoutTheActuator() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(HealthCheckExecutor.class));
	}

	@Test
	void userAndCompositeIndicatorsAreBoundedToo() {
		this.runner.withUserConfiguration(HungIndicators.class)
			.withPropertyValues("hardened.health.timeout=200ms",
					"management.endpoint.health.group.readiness.include=readinessState,db,hung")
			.run((context) -> {
				HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
				long started = System.nanoTime();
				assertThat(endpoint.healthForPath("readiness").getStatus()).isEqualTo(Status.DOWN);
				assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(1200);
				Health replica = (Health) endpoint.healthForPath("readiness", "db", "replica");
				assertThat(replica.getDetails()).containsEntry("error", "timeout");
				assertThat(endpoint.healthForPath("readiness", "db", "primary").getStatus()).isEqualTo(Status.UP);
				HungIndicators.release.countDown();
			});
	}

	@Test
	void deadlockedThreadsMakeLivenessDown() {
		this.runner.run((context) -> {
			started(context);
			HealthEndpoint endpoint = context.getBean(HealthEndpoint.class);
			assertThat(endpoint.healthForPath("liveness").getStatus()).isEqualTo(Status.UP);
			deadlock();
			// Past the cached UP of the probe above (time limit 2s).
			Thread.sleep(2100);
			assertThat(endpoint.healthForPath("liveness").getStatus()).isEqualTo(Status.DOWN);
			Health deadlocks = (Health) endpoint.healthForPath("liveness", "deadlocks");
			assertThat(deadlocks.getDetails().get("threads").toString()).contains("deadlock-first", "deadlock-second");
			assertThat(endpoint.healthForPath("readiness").getStatus()).isEqualTo(Status.UP);
		});
	}

	/** What SpringApplication announces once the application runs; a runner does not. */
	private static void started(ApplicationContext context) {
		AvailabilityChangeEvent.publish(context, LivenessState.CORRECT);
		AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
	}

	private void deadlock() throws InterruptedException {
		ReentrantLock a = new ReentrantLock();
		ReentrantLock b = new ReentrantLock();
		CountDownLatch holding = new CountDownLatch(2);
		this.first = new Thread(() -> lockBoth(a, b, holding), "deadlock-first");
		this.second = new Thread(() -> lockBoth(b, a, holding), "deadlock-second");
		this.first.start();
		this.second.start();
		assertThat(this.deadlocked.await(5, TimeUnit.SECONDS)).isTrue();
	}

	private void lockBoth(ReentrantLock mine, ReentrantLock theirs, CountDownLatch holding) {
		mine.lock();
		try {
			holding.countDown();
			holding.await();
			this.deadlocked.countDown();
			// Interruptible, so the test's teardown can break the deadlock.
			theirs.lockInterruptibly();
			theirs.unlock();
		}
		catch (InterruptedException ex) {
			// Broken by the teardown.
		}
		finally {
			mine.unlock();
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class UserIndicators {

		@Bean
		HealthIndicator deadlocksHealthIndicator() {
			return () -> Health.outOfService().build();
		}

		@Bean
		HealthIndicator gcOverheadHealthIndicator() {
			return () -> Health.up().build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class HungIndicators {

		static final CountDownLatch release = new CountDownLatch(1);

		@Bean
		CompositeHealthContributor dbHealthContributor() {
			return CompositeHealthContributor.fromMap(java.util.Map.of("primary",
					(HealthIndicator) () -> Health.up().build(), "replica", (HealthIndicator) HungIndicators::hang));
		}

		@Bean
		HealthIndicator hungHealthIndicator() {
			return HungIndicators::hang;
		}

		private static Health hang() {
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return Health.up().build();
		}

	}

}
