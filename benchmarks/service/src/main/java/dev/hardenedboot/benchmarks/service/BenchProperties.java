package dev.hardenedboot.benchmarks.service;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the overload scenario's dependency answers; the runner passes its stub's address.
 */
@ConfigurationProperties("bench")
public class BenchProperties {

	/**
	 * Base URL of the dependency that {@code GET /hello/chain} calls.
	 */
	private URI dependencyUrl = URI.create("http://127.0.0.1:8099");

	public URI getDependencyUrl() {
		return this.dependencyUrl;
	}

	public void setDependencyUrl(URI dependencyUrl) {
		this.dependencyUrl = dependencyUrl;
	}

}
