package dev.hardenedboot.core.report;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class HardeningReportAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HardeningReportAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=hardening");

	@Test
	void onByDefaultWithCoresChecks() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(HardeningReporter.class).hasSingleBean(HardeningEndpoint.class);
			assertThat(context.getBeansOfType(HardeningCheck.class)).containsKeys("timeoutNestingCheck",
					"exposureCheck", "shutdownCheck", "timeZoneCheck", "keyFilePermissionsCheck", "executorQueueCheck",
					"httpClientTimeoutsCheck");
			assertThat(context.getBean(HardeningReporter.class).report().findings())
				.extracting(HardeningFinding::id)
				.contains("timeouts.outbound-read", "exposure.main-port", "shutdown.graceful",
						"environment.timezone");
		});
	}

	@Test
	void offBySwitch() {
		this.runner.withPropertyValues("hardened.report.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(HardeningReporter.class)
				.doesNotHaveBean(HardeningEndpoint.class)
				.doesNotHaveBean(HardeningCheck.class));
	}

	@Test
	void backsOffToTheApplicationsReporter() {
		this.runner.withBean("myReporter", HardeningReporter.class, () -> new HardeningReporter(
				new org.springframework.beans.factory.support.DefaultListableBeanFactory()
					.getBeanProvider(HardeningCheck.class),
				java.time.Clock.systemUTC()))
			.run((context) -> assertThat(context).hasSingleBean(HardeningReporter.class).hasBean("myReporter"));
	}

	@Test
	void noEndpointWithoutTheActuator() {
		this.runner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasSingleBean(HardeningReporter.class)
				.doesNotHaveBean(HardeningEndpoint.class));
	}

	@Test
	void applicationChecksJoinTheReportAndOneThatThrowsIsAWarning() {
		this.runner.withBean("mine", HardeningCheck.class,
				() -> () -> List.of(HardeningFinding.pass("app", "app.mine", "fine")))
			.withBean("broken", HardeningCheck.class, () -> () -> {
				throw new IllegalStateException("boom");
			})
			.run((context) -> {
				HardeningReport report = context.getBean(HardeningReporter.class).report();
				assertThat(report.findings()).extracting(HardeningFinding::id).contains("app.mine");
				assertThat(report.findings()).filteredOn((finding) -> finding.id().equals("report.check-failed"))
					.singleElement()
					.satisfies((finding) -> assertThat(finding.reason()).contains("boom"));
			});
	}

	@Test
	void failOnFailRefusesToStartAndSaysWhy() {
		this.runner.withPropertyValues("hardened.report.fail-on=fail")
			.withBean("bad", HardeningCheck.class,
					() -> () -> List.of(HardeningFinding.fail("app", "app.bad", "it is bad", "set app.good=true")))
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				FailureAnalysis analysis = new HardeningReportFailureAnalyzer().analyze(failure);
				assertThat(analysis.getDescription()).contains("hardened.report.fail-on=fail")
					.contains("FAIL app.bad: it is bad");
				assertThat(analysis.getAction()).contains("app.bad: set app.good=true")
					.contains("hardened.report.fail-on=none");
			});
	}

	@Test
	void failOnFailAcceptsWarnings() {
		this.runner.withPropertyValues("hardened.report.fail-on=fail")
			.withBean("meh", HardeningCheck.class,
					() -> () -> List.of(HardeningFinding.warn("app", "app.meh", "so-so", "tune it")))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void failOnWarnRefusesWarnings() {
		this.runner.withPropertyValues("hardened.report.fail-on=warn")
			.withBean("meh", HardeningCheck.class,
					() -> () -> List.of(HardeningFinding.warn("app", "app.meh", "so-so", "tune it")))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.isInstanceOf(HardeningReportException.class));
	}

	@Test
	void findingsAreSortedWorstFirst() {
		this.runner
			.withBean("mixed", HardeningCheck.class,
					() -> () -> List.of(HardeningFinding.pass("app", "a.pass", "ok"),
							HardeningFinding.fail("app", "b.fail", "bad", "fix"),
							HardeningFinding.warn("app", "c.warn", "meh", "fix")))
			.run((context) -> {
				HardeningReport report = context.getBean(HardeningReporter.class).report();
				assertThat(report.findings().get(0).id()).isEqualTo("b.fail");
				assertThat(report.summary()).contains("1 FAIL");
			});
	}

}
