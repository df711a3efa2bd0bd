package dev.hardenedboot.core.errors;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatusCode;

/**
 * Tomcat's last word, as minimal problem details: what Tomcat rejects before any filter runs
 * (a malformed request line, headers over {@code server.max-http-request-header-size}) would
 * otherwise get Tomcat's HTML error page. No filter has run, so there is no request id and
 * no trace id; the problem has {@code type}, {@code title}, {@code status}, {@code detail}
 * and {@code code} only. Errors of requests that reached the application never get here:
 * the error page at {@code /error} has rendered them already.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		ErrorCode code = ErrorCodeRegistry.forStatus(HttpStatusCode.valueOf(status));
		String detail = (status == 400)
				? "The request could not be read: its request line or headers are malformed, or larger than "
						+ "the server accepts."
				: code.title() + ".";
		String body = "{\"type\":\"about:blank\",\"title\":\"" + code.title() + "\",\"status\":" + status
				+ ",\"detail\":\"" + detail + "\",\"code\":\"" + code.code() + "\"}";
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			response.setHeader("Cache-Control", "no-store");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body);
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The connection is going away; there is nobody left to tell.
		}
	}

}
