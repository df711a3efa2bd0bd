package dev.hardenedboot.core.errors;

import java.net.URI;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ErrorCodeRegistryTests {

	private final ErrorsProperties properties = new ErrorsProperties();

	@Test
	void knowsTheBuiltInApplicationAndConfiguredCodes() {
		ErrorsProperties.Code quota = new ErrorsProperties.Code();
		quota.setStatus(402);
		quota.setTitle("Quota exhausted");
		this.properties.setCodes(Map.of("QUOTA_EXHAUSTED", quota));
		ErrorCodeRegistry registry = registry(List.of(TestCode.ORDER_LOCKED));
		assertThat(registry.find("REQUEST_TIMEOUT")).contains(HardenedErrorCode.REQUEST_TIMEOUT);
		assertThat(registry.find("ORDER_LOCKED")).contains(TestCode.ORDER_LOCKED);
		assertThat(registry.find("QUOTA_EXHAUSTED")).hasValueSatisfying((code) -> {
			assertThat(code.status().value()).isEqualTo(402);
			assertThat(code.title()).isEqualTo("Quota exhausted");
		});
		assertThat(registry.find("NOPE")).isEmpty();
	}

	@Test
	void mapsExceptionTypesAndTheirSubclasses() {
		this.properties.setExceptions(Map.of("java.lang.IllegalStateException", "CONFLICT"));
		ErrorCodeRegistry registry = registry(List.of());
		assertThat(registry.forException(new IllegalStateException())).contains(HardenedErrorCode.CONFLICT);
		assertThat(registry.forException(new java.nio.channels.NonWritableChannelException()))
			.contains(HardenedErrorCode.CONFLICT);
		assertThat(registry.forException(new ConcurrentModificationException())).isEmpty();
	}

	@Test
	void unknownCodeInTheMappingStopsStartUpNamingTheProperty() {
		this.properties.setExceptions(Map.of("java.lang.IllegalStateException", "CONFLICTT"));
		assertThatIllegalStateException().isThrownBy(() -> registry(List.of()))
			.withMessageContaining("hardened.errors.exceptions[java.lang.IllegalStateException] is 'CONFLICTT'")
			.withMessageContaining("ErrorCodeProvider");
	}

	@Test
	void unknownExceptionClassStopsStartUp() {
		this.properties.setExceptions(Map.of("com.example.Missing", "CONFLICT"));
		assertThatIllegalStateException().isThrownBy(() -> registry(List.of()))
			.withMessageContaining("'com.example.Missing', which is not on the class path");
	}

	@Test
	void duplicateCodesAreRefused() {
		assertThatIllegalStateException().isThrownBy(() -> registry(List.of(TestCode.NOT_FOUND)))
			.withMessageContaining("'NOT_FOUND' is declared twice");
	}

	@Test
	void statusesMapToCodes() {
		assertThat(ErrorCodeRegistry.forStatus(HttpStatus.NOT_FOUND)).isEqualTo(HardenedErrorCode.NOT_FOUND);
		assertThat(ErrorCodeRegistry.forStatus(HttpStatus.BAD_GATEWAY)).isEqualTo(HardenedErrorCode.INTERNAL_ERROR);
		assertThat(ErrorCodeRegistry.forStatus(HttpStatus.GONE).code()).isEqualTo("HTTP_410");
		assertThat(ErrorCodeRegistry.forStatus(HttpStatusCode.valueOf(499)).title()).isEqualTo("Error");
	}

	@Test
	void typeIsTheBasePlusTheCodeInKebabCase() {
		ProblemDetails withBase = new ProblemDetails(URI.create("https://errors.example.com/"));
		assertThat(withBase.typeOf(HardenedErrorCode.REQUEST_TIMEOUT))
			.isEqualTo(URI.create("https://errors.example.com/request-timeout"));
		assertThat(new ProblemDetails(URI.create("https://errors.example.com")).typeOf(TestCode.ORDER_LOCKED))
			.isEqualTo(URI.create("https://errors.example.com/order-locked"));
		assertThat(new ProblemDetails(null).typeOf(TestCode.ORDER_LOCKED)).isEqualTo(URI.create("about:blank"));
	}

	@Test
	void instanceIsNeverARawUnsafePath() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/a b/<x>");
		ProblemDetail problem = new ProblemDetails(null).create(HardenedErrorCode.NOT_FOUND, null, request);
		assertThat(problem.getInstance().toString()).isEqualTo("/a%20b/%3Cx%3E");
		request.setRequestURI("//evil.example/x");
		assertThat(new ProblemDetails(null).create(HardenedErrorCode.NOT_FOUND, null, request).getInstance()
			.getRawAuthority()).isNull();
	}

	private ErrorCodeRegistry registry(List<ErrorCode> codes) {
		return new ErrorCodeRegistry(this.properties, codes, getClass().getClassLoader());
	}

	enum TestCode implements ErrorCode {

		ORDER_LOCKED, NOT_FOUND;

		@Override
		public String code() {
			return name();
		}

		@Override
		public HttpStatusCode status() {
			return HttpStatus.LOCKED;
		}

		@Override
		public String title() {
			return "Locked";
		}

	}

}
