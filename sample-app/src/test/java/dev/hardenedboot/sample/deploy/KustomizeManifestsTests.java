package dev.hardenedboot.sample.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kustomize base agrees with the application it deploys: probe paths, the grace period
 * against the drain and shutdown timeouts, the watched configuration directory and the key
 * file's mode. {@code .ci/run} also renders the overlays with {@code kubectl kustomize} when
 * kubectl is installed.
 */
class KustomizeManifestsTests {

	private static final Path BASE = Path.of("deploy/kustomize/base");

	@Test
	void probesUseTheContractsPathsOnTheMainPort() throws IOException {
		Map<String, Object> container = container();
		assertThat(path(container, "livenessProbe")).isEqualTo("/health/live");
		assertThat(path(container, "startupProbe")).isEqualTo("/health/live");
		assertThat(path(container, "readinessProbe")).isEqualTo("/health/ready");
		assertThat(get(container, "livenessProbe", "httpGet", "port")).isEqualTo("http");
		List<Map<String, Object>> ports = list(container, "ports");
		assertThat(ports).anySatisfy((port) -> assertThat(port).containsEntry("name", "http")
			.containsEntry("containerPort", 8080));
	}

	@Test
	void gracePeriodOutlastsTheDrainAndTheShutdownPhase() throws IOException {
		Map<String, Object> packaged = yaml(Path.of("src/main/resources/application.yaml"));
		Duration shutdownPhase = DurationStyle
			.detectAndParse(String.valueOf(get(packaged, "spring", "lifecycle", "timeout-per-shutdown-phase")));
		Duration kubernetesDrain = Duration.ofSeconds(5);
		int grace = (Integer) get(podSpec(), "terminationGracePeriodSeconds");
		assertThat(Duration.ofSeconds(grace)).isGreaterThan(kubernetesDrain.plus(shutdownPhase));
	}

	@Test
	void configIsMountedWhereHardenedBootWatchesAndTheKeyIsOwnerReadOnly() throws IOException {
		Map<String, Object> container = container();
		List<Map<String, Object>> mounts = list(container, "volumeMounts");
		assertThat(mounts).anySatisfy((mount) -> assertThat(mount).containsEntry("name", "config")
			.containsEntry("mountPath", "/etc/config"));
		Map<String, Object> keyMount = mounts.stream()
			.filter((mount) -> mount.get("name").equals("config-key"))
			.findFirst()
			.orElseThrow();
		List<Map<String, Object>> volumes = list(podSpec(), "volumes");
		Map<String, Object> keyVolume = volumes.stream()
			.filter((volume) -> volume.get("name").equals("config-key"))
			.findFirst()
			.orElseThrow();
		assertThat(get(keyVolume, "secret", "defaultMode")).as("0400").isEqualTo(0400);
		Map<String, Object> mounted = yaml(BASE.resolve("config/application.yaml"));
		assertThat(get(mounted, "hardened", "config", "key-file")).isEqualTo(keyMount.get("mountPath") + "/config.key");
	}

	@Test
	void prodRefusesToStartWithAFailingReport() throws IOException {
		Map<String, Object> prod = yaml(Path.of("deploy/kustomize/overlays/prod/config/application.yaml"));
		assertThat(get(prod, "hardened", "report", "fail-on")).isEqualTo("fail");
	}

	private static String path(Map<String, Object> container, String probe) {
		return (String) get(container, probe, "httpGet", "path");
	}

	private static Map<String, Object> container() throws IOException {
		List<Map<String, Object>> containers = list(podSpec(), "containers");
		return containers.get(0);
	}

	private static Map<String, Object> podSpec() throws IOException {
		return cast(get(yaml(BASE.resolve("deployment.yaml")), "spec", "template", "spec"));
	}

	private static Map<String, Object> yaml(Path file) throws IOException {
		try (Reader reader = Files.newBufferedReader(file)) {
			return new Yaml().load(reader);
		}
	}

	private static Object get(Map<String, Object> map, String... keys) {
		Object current = map;
		for (String key : keys) {
			current = cast(current).get(key);
		}
		return current;
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Map<String, Object> map, String key) {
		return (List<Map<String, Object>>) map.get(key);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Object value) {
		return (Map<String, Object>) value;
	}

}
