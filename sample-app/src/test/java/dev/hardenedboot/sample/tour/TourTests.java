package dev.hardenedboot.sample.tour;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The walkthrough in {@code docs/tour.md}, run step by step against the sample app on the
 * embedded PostgreSQL: every command is executed and every output it shows is checked, so
 * the document cannot drift from what the application does.
 */
@ExtendWith({ OutputCaptureExtension.class, TourApplication.Resolver.class })
class TourTests {

	@TestFactory
	Stream<DynamicTest> walkthrough(TourApplication application, CapturedOutput output) throws IOException {
		TourSteps steps = new TourSteps(application, output);
		return TourDocument.read()
			.steps()
			.stream()
			.map((step) -> DynamicTest.dynamicTest(step.toString(), () -> steps.run(step)));
	}

	/**
	 * Issue 9's list of what the walkthrough shows, each in a step whose output is checked.
	 */
	@Test
	void walkthroughShowsEveryDefault() throws IOException {
		List<String> checked = TourDocument.read()
			.steps()
			.stream()
			.filter((step) -> step.output() != null || step.log() != null)
			.map((step) -> step.command() + "\n" + step.output() + "\n" + step.log())
			.toList();
		assertThat(checked).anyMatch((step) -> step.contains("X-Request-ID: checkout-42"))
			.anyMatch((step) -> step.contains("REQUEST_TIMEOUT") && step.contains("X-Request-Timeout: 500ms"))
			.anyMatch((step) -> step.contains("MALFORMED_REQUEST") && step.contains("column"))
			.anyMatch((step) -> step.contains("ran one statement 20 times"))
			.anyMatch((step) -> step.contains("hardened_data_repeated_queries_total"))
			.anyMatch((step) -> step.contains("/orders/with-lines"))
			.anyMatch((step) -> step.contains("Warning: 110 - \"Response is Stale\"") && step.contains("Age: "))
			.anyMatch((step) -> step.contains("DEPENDENCY_UNAVAILABLE") && step.contains("Retry-After"))
			.anyMatch((step) -> step.contains("OVERLOADED"))
			.anyMatch((step) -> step.contains("/health/live") && step.contains("HTTP/1.1 200"))
			.anyMatch((step) -> step.contains("/health/ready") && step.contains("HTTP/1.1 503"))
			.anyMatch((step) -> step.contains("application/openmetrics-text") && step.contains("trace_id"))
			.anyMatch((step) -> step.contains("--hardened.request.timout=5s") && step.contains("did you mean"))
			.anyMatch((step) -> step.contains("Configuration reloaded"))
			.anyMatch((step) -> step.contains("/actuator/hardening") && step.contains("\"FAIL\":0"))
			.anyMatch((step) -> step.contains("--spring.profiles.active=prod") && step.contains("\"level\":"));
		assertThat(TourDocument.read().steps()).anyMatch((step) -> "load".equals(step.directive())
				&& step.command().startsWith("wrk "))
			.anyMatch((step) -> "start".equals(step.directive())
					&& step.command().contains("--spring.profiles.active=local"));
	}

}
