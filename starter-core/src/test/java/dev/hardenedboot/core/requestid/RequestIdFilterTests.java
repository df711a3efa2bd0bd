package dev.hardenedboot.core.requestid;

import java.util.concurrent.atomic.AtomicReference;

import dev.hardenedboot.core.context.RequestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdFilterTests {

	private final RequestIdFilter filter = new RequestIdFilter(() -> "generated-1");

	@ParameterizedTest
	@ValueSource(strings = { "a", "abc-123", "A.b_c:d-e", "00f067aa0ba902b7", "trace:span:1" })
	void safeIdsAreAccepted(String id) {
		assertThat(RequestIdFilter.isValid(id)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "a b", "a\"b", "a'b", "a\r\nb", "a\nb", "a\tb", "a;b", "a/b", "<script>", "é",
			"a\u0000b", "a%0d%0ab" })
	void unsafeIdsAreRejected(String id) {
		assertThat(RequestIdFilter.isValid(id)).isFalse();
	}

	@Test
	void lengthIsCappedAt128() {
		assertThat(RequestIdFilter.isValid("x".repeat(128))).isTrue();
		assertThat(RequestIdFilter.isValid("x".repeat(129))).isFalse();
		assertThat(RequestIdFilter.isValid(null)).isFalse();
	}

	@Test
	void idIsBoundToMdcAndContextDuringTheRequestOnlyAndEchoed() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders/1");
		request.addHeader(RequestIdFilter.HEADER, "caller-42");
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<String> mdcInside = new AtomicReference<>();
		AtomicReference<String> contextInside = new AtomicReference<>();
		this.filter.doFilter(request, response, new MockFilterChain() {
			@Override
			public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
				mdcInside.set(MDC.get(RequestIdFilter.MDC_KEY));
				contextInside.set(RequestContext.current().map(RequestContext::requestId).orElse(null));
			}
		});
		assertThat(mdcInside).hasValue("caller-42");
		assertThat(contextInside).hasValue("caller-42");
		assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo("caller-42");
		assertThat(MDC.get(RequestIdFilter.MDC_KEY)).isNull();
		assertThat(RequestContext.current()).isEmpty();
	}

	@Test
	void unsafeIdIsReplacedAndNeverEchoed() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader(RequestIdFilter.HEADER, "evil\r\nSet-Cookie: a=b");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		assertThat(response.getHeader(RequestIdFilter.HEADER)).isEqualTo("generated-1");
	}

	@Test
	void laterDispatchesReuseTheFirstId() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		this.filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain());
		RequestContext first = (RequestContext) request.getAttribute(RequestContext.ATTRIBUTE);
		request.setDispatcherType(jakarta.servlet.DispatcherType.ERROR);
		MockHttpServletResponse errorResponse = new MockHttpServletResponse();
		this.filter.doFilter(request, errorResponse, new MockFilterChain());
		assertThat(errorResponse.getHeader(RequestIdFilter.HEADER)).isEqualTo(first.requestId());
	}

	@Test
	void generatedIdsAreSafeAndDistinct() {
		RandomRequestIdGenerator generator = new RandomRequestIdGenerator();
		String first = generator.generate();
		assertThat(first).hasSize(32).matches("[0-9a-f]{32}");
		assertThat(RequestIdFilter.isValid(first)).isTrue();
		assertThat(generator.generate()).isNotEqualTo(first);
	}

}
