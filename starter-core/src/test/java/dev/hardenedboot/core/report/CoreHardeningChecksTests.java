package dev.hardenedboot.core.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each of core's checks, passing and failing.
 */
class CoreHardeningChecksTests {

	@TempDir
	Path directory;

	@Test
	void outboundReadTimeoutBelowTheRequestTimeoutPasses() {
		assertThat(status(new TimeoutNestingCheck(env("spring.http.client.read-timeout", "10s")),
				"timeouts.outbound-read"))
			.isEqualTo(HardeningStatus.PASS);
	}

	@Test
	void outboundReadTimeoutAtOrAboveTheRequestTimeoutWarns() {
		List<HardeningFinding> findings = new TimeoutNestingCheck(
				env("spring.http.client.read-timeout", "40s").withProperty("hardened.request.timeout", "30s"))
			.check();
		assertThat(find(findings, "timeouts.outbound-read").reason()).contains("PT40S", "PT30S");
		assertThat(find(findings, "timeouts.outbound-read").status()).isEqualTo(HardeningStatus.WARN);
		assertThat(status(new TimeoutNestingCheck(new MockEnvironment()), "timeouts.outbound-read"))
			.isEqualTo(HardeningStatus.WARN);
	}

	@Test
	void switchedOffDeadlinesWarn() {
		assertThat(status(new TimeoutNestingCheck(env("hardened.request.enabled", "false")),
				"timeouts.request-deadline"))
			.isEqualTo(HardeningStatus.WARN);
	}

	@Test
	void tomcatConnectionTimeout() {
		assertThat(status(new TimeoutNestingCheck(env("server.tomcat.connection-timeout", "5s")),
				"timeouts.tomcat-connection"))
			.isEqualTo(HardeningStatus.PASS);
		assertThat(status(new TimeoutNestingCheck(new MockEnvironment()), "timeouts.tomcat-connection"))
			.isEqualTo(HardeningStatus.WARN);
	}

	@Test
	void exposure() {
		assertThat(new ExposureCheck(env("management.endpoints.web.exposure.include", "health,info,prometheus"))
			.check()).singleElement().extracting(HardeningFinding::status).isEqualTo(HardeningStatus.PASS);
		List<HardeningFinding> exposed = new ExposureCheck(
				env("management.endpoints.web.exposure.include", "health,env,beans,heapdump"))
			.check();
		assertThat(exposed).extracting(HardeningFinding::status)
			.containsExactly(HardeningStatus.FAIL, HardeningStatus.WARN);
		assertThat(exposed.get(0).reason()).contains("[env, heapdump]");
		assertThat(new ExposureCheck(env("management.endpoints.web.exposure.include", "*").withProperty(
				"management.server.port", "8081"))
			.check()).singleElement().extracting(HardeningFinding::status).isEqualTo(HardeningStatus.PASS);
	}

	@Test
	void gracefulShutdownAndDrain() {
		List<HardeningFinding> good = new ShutdownCheck(
				env("server.shutdown", "graceful").withProperty("hardened.shutdown.drain-delay", "5s"))
			.check();
		assertThat(good).extracting(HardeningFinding::status).containsOnly(HardeningStatus.PASS);
		List<HardeningFinding> bad = new ShutdownCheck(new MockEnvironment()).check();
		assertThat(bad).extracting(HardeningFinding::status).containsOnly(HardeningStatus.WARN);
		assertThat(bad).extracting(HardeningFinding::id).containsExactly("shutdown.graceful", "shutdown.drain-delay");
	}

	@Test
	void timeZone() {
		TimeZone original = TimeZone.getDefault();
		try {
			TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
			assertThat(status(new TimeZoneCheck(), "environment.timezone")).isEqualTo(HardeningStatus.PASS);
			TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
			assertThat(find(new TimeZoneCheck().check(), "environment.timezone").reason()).contains("Europe/Berlin");
			assertThat(status(new TimeZoneCheck(), "environment.timezone")).isEqualTo(HardeningStatus.WARN);
		}
		finally {
			TimeZone.setDefault(original);
		}
	}

	@Test
	void keyFilePermissions() throws Exception {
		assertThat(keyFileStatus("rw-------")).isEqualTo(HardeningStatus.PASS);
		assertThat(keyFileStatus("rw-r-----")).isEqualTo(HardeningStatus.WARN);
		assertThat(keyFileStatus("rw-r--r--")).isEqualTo(HardeningStatus.FAIL);
		assertThat(new KeyFilePermissionsCheck(env("server.ssl.key-store", "classpath:keystore.p12")).check())
			.isEmpty();
	}

	private HardeningStatus keyFileStatus(String permissions) throws Exception {
		Path file = Files.writeString(this.directory.resolve(permissions.replace('-', '_') + ".p12"), "key");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
		List<HardeningFinding> findings = new KeyFilePermissionsCheck(
				env("spring.ssl.bundle.jks.web.keystore.location", "file:" + file))
			.check();
		assertThat(findings).singleElement().satisfies((finding) -> assertThat(finding.reason()).contains(file.toString()));
		return findings.get(0).status();
	}

	@Test
	void unboundedExecutorQueues() {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("applicationTaskExecutor", new ThreadPoolTaskExecutor());
		ThreadPoolTaskExecutor bounded = new ThreadPoolTaskExecutor();
		bounded.setQueueCapacity(100);
		beans.registerSingleton("bounded", bounded);
		List<HardeningFinding> findings = new ExecutorQueueCheck(beans).check();
		assertThat(findings).filteredOn((finding) -> finding.status() == HardeningStatus.WARN)
			.singleElement()
			.satisfies((finding) -> assertThat(finding.fix()).contains("spring.task.execution.pool.queue-capacity"));
		assertThat(findings).filteredOn((finding) -> finding.status() == HardeningStatus.PASS)
			.singleElement()
			.satisfies((finding) -> assertThat(finding.reason()).contains("'bounded'", "100"));
	}

	@Test
	void handBuiltHttpClientsWithoutTimeouts() {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("plainTemplate", new RestTemplate());
		SimpleClientHttpRequestFactory withTimeout = new SimpleClientHttpRequestFactory();
		withTimeout.setReadTimeout(Duration.ofSeconds(5));
		beans.registerSingleton("timedTemplate", new RestTemplate(withTimeout));
		beans.registerSingleton("plainClient", RestClient.builder().requestFactory(new SimpleClientHttpRequestFactory())
			.build());
		beans.registerSingleton("timedClient", RestClient.builder().requestFactory(withTimeout).build());
		List<HardeningFinding> findings = new HttpClientTimeoutsCheck(beans).check();
		assertThat(findings).filteredOn((finding) -> finding.status() == HardeningStatus.WARN)
			.extracting(HardeningFinding::reason)
			.hasSize(2)
			.anySatisfy((reason) -> assertThat(reason).contains("RestTemplate bean 'plainTemplate'"))
			.anySatisfy((reason) -> assertThat(reason).contains("RestClient bean 'plainClient'"));
		assertThat(findings).filteredOn((finding) -> finding.status() == HardeningStatus.PASS).hasSize(2);
	}

	private static MockEnvironment env(String name, String value) {
		return new MockEnvironment().withProperty(name, value);
	}

	private static HardeningStatus status(HardeningCheck check, String id) {
		return find(check.check(), id).status();
	}

	private static HardeningFinding find(List<HardeningFinding> findings, String id) {
		return findings.stream().filter((finding) -> finding.id().equals(id)).findFirst().orElseThrow();
	}

}
