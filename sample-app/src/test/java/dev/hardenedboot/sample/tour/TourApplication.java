package dev.hardenedboot.sample.tour;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.LoggerContext;
import dev.hardenedboot.sample.SampleApplication;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.LoggerFactory;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The sample app as the walkthrough starts it: the arguments of the document's start
 * command, on the embedded PostgreSQL, with the document's mounted configuration directory
 * mapped to a private one. Started once per test run and shared by the tests that take it
 * as a parameter; closed when the run ends.
 *
 * <p>Only these arguments are the test's own: random ports instead of 8080 and 8081, and a
 * fixed load-shedding limit of {@value #SHEDDING_LIMIT}, which an in-JVM client fills where
 * the document runs {@code wrk} against the adaptive one.
 */
public final class TourApplication implements ExtensionContext.Store.CloseableResource {

	static final int SHEDDING_LIMIT = 4;

	private static final String MOUNT_DIR = "--hardened.config.mount-dir=";

	private static final List<String> TEST_ARGUMENTS = List.of("--server.port=0", "--management.server.port=0",
			"--hardened.resilience.load-shedding.algorithm=fixed",
			"--hardened.resilience.load-shedding.initial-limit=" + SHEDDING_LIMIT);

	private final ConfigurableApplicationContext context;

	private final String documentMountDir;

	private final Path mountDir;

	private TourApplication(ConfigurableApplicationContext context, String documentMountDir, Path mountDir) {
		this.context = context;
		this.documentMountDir = documentMountDir;
		this.mountDir = mountDir;
	}

	static TourApplication start(TourDocument.Step start) throws IOException {
		List<String> words = ShellWords.split(start.commandLine());
		if (words.size() < 3 || !words.get(0).equals("java") || !words.get(1).equals("-jar")) {
			throw new IllegalArgumentException("The start command must be java -jar <jar> <args>: " + words);
		}
		Path mountDir = Files.createTempDirectory("tour-config");
		String documentMountDir = null;
		List<String> args = new ArrayList<>();
		for (String arg : words.subList(3, words.size())) {
			if (arg.startsWith(MOUNT_DIR)) {
				documentMountDir = arg.substring(MOUNT_DIR.length());
				arg = MOUNT_DIR + mountDir;
			}
			args.add(arg);
		}
		if (documentMountDir == null) {
			throw new IllegalArgumentException("The start command must name the mounted directory: " + words);
		}
		args.addAll(TEST_ARGUMENTS);
		configureLoggingAfresh();
		ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
				args.toArray(String[]::new));
		return new TourApplication(context, documentMountDir, mountDir);
	}

	/**
	 * Boot sets logging up once per JVM: an application started after another one in the same
	 * JVM keeps the first one's log format. The walkthrough shows the console of the profile it
	 * starts with, as {@code java -jar} would, so Boot's mark on Logback is taken away first.
	 */
	private static void configureLoggingAfresh() {
		if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
			logback.removeObject(LoggingSystem.class.getName());
		}
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	/**
	 * @param documentPort 8080 or 8081, as the document writes them
	 * @return the port the application listens on for it
	 */
	public int port(int documentPort) {
		String property = switch (documentPort) {
			case 8080 -> "local.server.port";
			case 8081 -> "local.management.port";
			default -> throw new IllegalArgumentException("The sample listens on 8080 and 8081, not " + documentPort);
		};
		return this.context.getEnvironment().getRequiredProperty(property, Integer.class);
	}

	public Path mountDir() {
		return this.mountDir;
	}

	/**
	 * @param path a path as the document writes it
	 * @return where it is for this run: the mounted directory is a private one
	 */
	Path map(String path) {
		if (path.equals(this.documentMountDir) || path.startsWith(this.documentMountDir + "/")) {
			return this.mountDir.resolve(path.substring(this.documentMountDir.length()).replaceFirst("^/", ""));
		}
		throw new IllegalArgumentException("The walkthrough touches only files under " + this.documentMountDir
				+ ", not " + path);
	}

	@Override
	public void close() throws IOException {
		this.context.close();
		FileSystemUtils.deleteRecursively(this.mountDir);
	}

	/**
	 * Hands the shared application to a test method's parameter, starting it on first use.
	 */
	public static final class Resolver implements ParameterResolver {

		@Override
		public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
			return parameter.getParameter().getType() == TourApplication.class;
		}

		@Override
		public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
			return extension.getRoot()
				.getStore(ExtensionContext.Namespace.GLOBAL)
				.getOrComputeIfAbsent(TourApplication.class, (key) -> startFromDocument(), TourApplication.class);
		}

		private static TourApplication startFromDocument() {
			try {
				TourDocument.Step start = TourDocument.read()
					.steps()
					.stream()
					.filter((step) -> "start".equals(step.directive()))
					.findFirst()
					.orElseThrow(() -> new IllegalStateException("docs/tour.md has no <!-- tour: start --> step"));
				return start(start);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
