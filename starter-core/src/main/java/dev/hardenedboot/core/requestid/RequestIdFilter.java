package dev.hardenedboot.core.requestid;

import java.io.IOException;

import dev.hardenedboot.core.context.RequestContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

/**
 * Gives every request an id: the caller's {@value #HEADER} when it is safe to log and
 * forward, otherwise a new one. The id is echoed on the response, bound to the thread as
 * the {@link RequestContext}, and put in the MDC as {@value #MDC_KEY} for the duration of
 * each dispatch (request, async and error), then removed.
 *
 * <p>A plain {@link HttpFilter} rather than a {@code OncePerRequestFilter}: it is registered
 * for exactly the dispatches it handles, and each dispatch reuses the first one's context, so
 * the per-request bookkeeping of "already filtered" attributes would be pure overhead.
 */
public class RequestIdFilter extends HttpFilter {

	/** The request and response header. */
	public static final String HEADER = "X-Request-ID";

	/** The MDC key, and the log field, of the request id. */
	public static final String MDC_KEY = "request_id";

	static final int MAX_LENGTH = 128;

	private final RequestIdGenerator generator;

	public RequestIdFilter(RequestIdGenerator generator) {
		this.generator = generator;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		RequestContext context = (RequestContext) request.getAttribute(RequestContext.ATTRIBUTE);
		if (context == null) {
			context = RequestContext.of(resolve(request.getHeader(HEADER)));
			request.setAttribute(RequestContext.ATTRIBUTE, context);
		}
		response.setHeader(HEADER, context.requestId());
		MDC.put(MDC_KEY, context.requestId());
		try (RequestContext.Scope scope = context.makeCurrent()) {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	/**
	 * The caller's id when it is safe, otherwise a new one. A rejected value is never
	 * logged: it may carry CR/LF or quotes meant for a log line or a response header.
	 */
	private String resolve(String candidate) {
		return isValid(candidate) ? candidate : this.generator.generate();
	}

	/**
	 * Whether {@code candidate} matches {@code [A-Za-z0-9._:-]{1,128}}, checked without a
	 * regular expression because it runs on every request.
	 * @param candidate the header value, may be {@code null}
	 * @return whether it can be used as is
	 */
	static boolean isValid(String candidate) {
		if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == ':' || c == '-';
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

}
