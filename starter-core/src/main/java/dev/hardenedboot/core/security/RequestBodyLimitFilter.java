package dev.hardenedboot.core.security;

import java.io.IOException;

import dev.hardenedboot.core.errors.ErrorCodeException;
import dev.hardenedboot.core.errors.HardenedErrorCode;
import dev.hardenedboot.core.errors.ProblemDetails;
import dev.hardenedboot.core.errors.ProblemResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Caps request bodies. A declared {@code Content-Length} over the cap is answered with 413
 * {@code PAYLOAD_TOO_LARGE} before a byte is read (so a client sending
 * {@code Expect: 100-continue} never uploads the body); a chunked body is counted as it is
 * read and fails the same way when it passes the cap.
 */
class RequestBodyLimitFilter extends HttpFilter {

	private final long maxBytes;

	private final ProblemDetails problems;

	private final ProblemResponseWriter writer;

	RequestBodyLimitFilter(long maxBytes, ProblemDetails problems, ProblemResponseWriter writer) {
		this.maxBytes = maxBytes;
		this.problems = problems;
		this.writer = writer;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBytes) {
			this.writer.write(request, response, this.problems.create(HardenedErrorCode.PAYLOAD_TOO_LARGE,
					detail(), request));
			return;
		}
		// A declared length has been checked; only a chunked body needs counting as it is read.
		HttpServletRequest checked = (declared >= 0) ? request : new CountingRequest(request, this.maxBytes, detail());
		chain.doFilter(checked, response);
	}

	private String detail() {
		return "The request body is larger than the " + this.maxBytes + " bytes this service accepts.";
	}

	private static final class CountingRequest extends HttpServletRequestWrapper {

		private final long maxBytes;

		private final String detail;

		private ServletInputStream counting;

		CountingRequest(HttpServletRequest request, long maxBytes, String detail) {
			super(request);
			this.maxBytes = maxBytes;
			this.detail = detail;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.counting == null) {
				this.counting = new CountingInputStream(super.getInputStream(), this.maxBytes, this.detail);
			}
			return this.counting;
		}

	}

	private static final class CountingInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long maxBytes;

		private final String detail;

		private long count;

		CountingInputStream(ServletInputStream delegate, long maxBytes, String detail) {
			this.delegate = delegate;
			this.maxBytes = maxBytes;
			this.detail = detail;
		}

		@Override
		public int read() throws IOException {
			int next = this.delegate.read();
			if (next != -1) {
				count(1);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = this.delegate.read(buffer, offset, length);
			if (read > 0) {
				count(read);
			}
			return read;
		}

		private void count(int bytes) {
			this.count += bytes;
			if (this.count > this.maxBytes) {
				throw new ErrorCodeException(HardenedErrorCode.PAYLOAD_TOO_LARGE, this.detail);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
