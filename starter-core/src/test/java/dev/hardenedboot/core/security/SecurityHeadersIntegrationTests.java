package dev.hardenedboot.core.security;

import java.net.http.HttpResponse;

import dev.hardenedboot.core.web.RequestContextWebTests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security headers on successes and on every kind of error, over a real socket.
 */
class SecurityHeadersIntegrationTests extends RequestContextWebTests {

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/context/1", "/no/such/route", "/errors/secret", "/filter/throws", "/errors/code" })
	void everyResponseCarriesThem(String path) {
		HttpResponse<String> response = this.http.get(path);
		assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
		assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
		assertThat(response.headers().firstValue("Permissions-Policy")).hasValueSatisfying(
				(policy) -> assertThat(policy).contains("camera=()"));
		assertThat(response.headers().firstValue("Content-Security-Policy"))
			.contains("default-src 'none'; frame-ancestors 'none'");
		assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
	}

	@Test
	void deadlineAnswersCarryThem() {
		HttpResponse<String> timedOut = this.http.get("/sleep?millis=400", "X-Request-Timeout", "100ms");
		assertThat(timedOut.statusCode()).isEqualTo(504);
		assertThat(timedOut.headers().firstValue("X-Frame-Options")).contains("DENY");
		assertThat(timedOut.headers().firstValue("Content-Security-Policy")).isPresent();
		HttpResponse<String> badHeader = this.http.get("/sleep?millis=1", "X-Request-Timeout", "soon");
		assertThat(badHeader.statusCode()).isEqualTo(400);
		assertThat(badHeader.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
	}

	@Test
	void problemsAreNeverCached() {
		assertThat(this.http.get("/errors/secret").headers().firstValue("Cache-Control")).contains("no-store");
		assertThat(this.http.get("/sleep?millis=1", "X-Request-Timeout", "bad").headers().firstValue("Cache-Control"))
			.contains("no-store");
	}

	@Test
	void htmlIsLeftToTheApplicationsOwnPolicy() {
		HttpResponse<String> response = this.http.get("/page");
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.headers().firstValue("Content-Security-Policy")).isEmpty();
		assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
	}

	@Test
	void hstsOnlyOnSecureRequestsIncludingTrustedForwardedOnes() {
		HttpResponse<String> response = this.http.get("/context/1", "X-Forwarded-Proto", "https");
		assertThat(response.headers().firstValue("Strict-Transport-Security"))
			.contains("max-age=31536000; includeSubDomains");
	}

}
