package dev.hardenedboot.core.outbound;

import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.util.Timeout;

import org.springframework.boot.autoconfigure.http.client.ClientHttpRequestFactoryBuilderCustomizer;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;

/**
 * Adapts Boot's HttpComponents factory builder, so every {@code RestClient.Builder} and
 * {@code RestTemplateBuilder} from the context gets: pool limits that fit a service, a
 * bounded wait for a pooled connection, and per-request timeouts bounded by the deadline.
 *
 * <p>Boot applies the read timeout as the socket timeout and the redirect policy as the
 * client's default request configuration while it builds a client; both are read here, on
 * the building thread, and handed to that client's {@link DeadlineHttpContextFactory}, which
 * must reproduce them because a per-request configuration replaces the default.
 */
class DeadlineBoundRequestFactoryCustomizer
		implements ClientHttpRequestFactoryBuilderCustomizer<HttpComponentsClientHttpRequestFactoryBuilder> {

	private final OutboundHttpProperties properties;

	/** What the builder applied during the current build on this thread. */
	private final ThreadLocal<Timeout> readTimeoutOfBuild = new ThreadLocal<>();

	private final ThreadLocal<RequestConfig> requestConfigOfBuild = new ThreadLocal<>();

	DeadlineBoundRequestFactoryCustomizer(OutboundHttpProperties properties) {
		this.properties = properties;
	}

	@Override
	public HttpComponentsClientHttpRequestFactoryBuilder customize(HttpComponentsClientHttpRequestFactoryBuilder builder) {
		return builder
			.withConnectionManagerCustomizer((manager) -> manager.setMaxConnTotal(this.properties.getMaxConnections())
				.setMaxConnPerRoute(this.properties.getMaxConnectionsPerRoute()))
			.withDefaultRequestConfigCustomizer((config) -> {
				config.setConnectionRequestTimeout(
						Timeout.ofMilliseconds(this.properties.getConnectionRequestTimeout().toMillis()));
				this.requestConfigOfBuild.set(config.build());
			})
			.withSocketConfigCustomizer((socket) -> this.readTimeoutOfBuild.set(socket.build().getSoTimeout()))
			.withCustomizer((factory) -> {
				try {
					RequestConfig defaults = this.requestConfigOfBuild.get();
					factory.setHttpContextFactory(new DeadlineHttpContextFactory(
							(defaults != null) ? defaults : RequestConfig.DEFAULT, this.readTimeoutOfBuild.get()));
				}
				finally {
					this.requestConfigOfBuild.remove();
					this.readTimeoutOfBuild.remove();
				}
			});
	}

}
