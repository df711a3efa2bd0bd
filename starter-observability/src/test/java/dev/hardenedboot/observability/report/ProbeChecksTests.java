package dev.hardenedboot.observability.report;

import java.util.List;
import java.util.Map;

import dev.hardenedboot.core.report.HardeningFinding;
import dev.hardenedboot.core.report.HardeningStatus;
import dev.hardenedboot.observability.health.HealthAutoConfiguration;
import dev.hardenedboot.observability.health.HealthGroupsEnvironmentPostProcessor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.availability.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.HealthEndpointAutoConfiguration;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthContributorRegistry;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probe checks against Boot's real health groups and registry, with the starter's
 * default groups and bounds.
 */
class ProbeChecksTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer((context) -> new HealthGroupsEnvironmentPostProcessor()
			.postProcessEnvironment(context.getEnvironment(), new SpringApplication()))
		.withConfiguration(AutoConfigurations.of(HealthAutoConfiguration.class,
				ApplicationAvailabilityAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class,
				EndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				HealthEndpointAutoConfiguration.class))
		.withBean("dbHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
		.withBean("circuitBreakersHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
		.withBean("ordersHealthIndicator", OrdersRedisHealthIndicator.class, OrdersRedisHealthIndicator::new);

	@Test
	void defaultGroupsKeepLivenessToTheProcessAndBreakersDeep() {
		this.runner.run((context) -> {
			HardeningFinding liveness = single(new LivenessProbeCheck(groups(context), registry(context)).check());
			assertThat(liveness.status()).isEqualTo(HardeningStatus.PASS);
			assertThat(liveness.reason()).contains("livenessState", "deadlocks", "gcOverhead").doesNotContain("db");
			HardeningFinding breakers = single(new BreakersDeepOnlyCheck(groups(context), registry(context)).check());
			assertThat(breakers.status()).isEqualTo(HardeningStatus.PASS);
			assertThat(breakers.reason()).contains("[circuitBreakers]", "deep group only");
		});
	}

	@Test
	void externalLivenessMembersFailByNameAndByType() {
		this.runner
			.withPropertyValues("management.endpoint.health.group.liveness.include=livenessState,db,orders,deadlocks")
			.run((context) -> {
				List<HardeningFinding> findings = new LivenessProbeCheck(groups(context), registry(context)).check();
				assertThat(findings).extracting(HardeningFinding::status).containsOnly(HardeningStatus.FAIL);
				assertThat(findings).extracting(HardeningFinding::reason)
					.anySatisfy((reason) -> assertThat(reason).contains("member db", "'db' is the name"))
					.anySatisfy((reason) -> assertThat(reason).contains("orders (OrdersRedisHealthIndicator)"));
				assertThat(findings).allSatisfy((finding) -> assertThat(finding.fix())
					.contains("management.endpoint.health.group.liveness.include",
							"livenessState,deadlocks,gcOverhead"));
			});
	}

	@Test
	void applicationsOwnLivenessMembersPassWithANote() {
		this.runner.withBean("cacheHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
			.withPropertyValues("management.endpoint.health.group.liveness.include=livenessState,cache")
			.run((context) -> assertThat(single(new LivenessProbeCheck(groups(context), registry(context)).check()))
				.satisfies((finding) -> assertThat(finding.status()).isEqualTo(HardeningStatus.PASS))
				.satisfies((finding) -> assertThat(finding.reason()).contains("[cache] are the application's own")));
	}

	@Test
	void oneMemberOfACompositeNamedInLivenessFails() {
		this.runner
			.withBean("dataSourcesHealthContributor", HealthContributor.class,
					() -> CompositeHealthContributor.fromMap(Map.of("primary", new OrdersRedisHealthIndicator())))
			.withPropertyValues("management.endpoint.health.group.liveness.include=livenessState,dataSources/primary")
			.run((context) -> assertThat(single(new LivenessProbeCheck(groups(context), registry(context)).check()))
				.satisfies((finding) -> assertThat(finding.status()).isEqualTo(HardeningStatus.FAIL))
				.satisfies((finding) -> assertThat(finding.reason()).contains("dataSources/primary")));
	}

	@Test
	void noHealthEndpointWarnsForLivenessAndPassesForBreakers() {
		DefaultListableBeanFactory empty = new DefaultListableBeanFactory();
		ObjectProvider<HealthEndpointGroups> groups = empty.getBeanProvider(HealthEndpointGroups.class);
		ObjectProvider<HealthContributorRegistry> registry = empty.getBeanProvider(HealthContributorRegistry.class);
		assertThat(single(new LivenessProbeCheck(groups, registry).check()))
			.satisfies((finding) -> assertThat(finding.status()).isEqualTo(HardeningStatus.WARN))
			.satisfies((finding) -> assertThat(finding.fix()).contains("management.endpoint.health.probes.enabled"));
		assertThat(single(new BreakersDeepOnlyCheck(groups, registry).check()).status())
			.isEqualTo(HardeningStatus.PASS);
	}

	@Test
	void breakersInReadinessOrLivenessWarn() {
		this.runner
			.withPropertyValues("management.endpoint.health.group.readiness.include=readinessState,circuitBreakers")
			.run((context) -> assertThat(single(new BreakersDeepOnlyCheck(groups(context), registry(context)).check()))
				.satisfies((finding) -> assertThat(finding.status()).isEqualTo(HardeningStatus.WARN))
				.satisfies((finding) -> assertThat(finding.reason()).contains("circuitBreakers", "readiness group"))
				.satisfies((finding) -> assertThat(finding.fix())
					.contains("management.endpoint.health.group.readiness.include")));
	}

	private static ObjectProvider<HealthEndpointGroups> groups(
			AssertableApplicationContext context) {
		assertThat(context).hasNotFailed();
		return context.getBeanProvider(HealthEndpointGroups.class);
	}

	private static ObjectProvider<HealthContributorRegistry> registry(
			AssertableApplicationContext context) {
		return context.getBeanProvider(HealthContributorRegistry.class);
	}

	private static HardeningFinding single(List<HardeningFinding> findings) {
		assertThat(findings).hasSize(1);
		return findings.get(0);
	}

	/** An application's own indicator of Redis, recognised by its type. */
	static class OrdersRedisHealthIndicator implements HealthIndicator {

		@Override
		public Health health() {
			return Health.up().build();
		}

	}

}
