package dev.hardenedboot.core.web;

import java.io.IOException;

import dev.hardenedboot.core.errors.ErrorCodeException;
import dev.hardenedboot.core.errors.HardenedErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A filter that fails before Spring MVC sees the request, the way security or rate-limiting
 * filters do.
 */
public class FailingFilter extends HttpFilter {

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		switch (request.getRequestURI()) {
			case "/filter/throws" -> throw new IllegalStateException("filter failed, token=s3cr3t");
			case "/filter/send-error" -> response.sendError(429, "slow down <script>");
			case "/filter/error-code" -> throw new ErrorCodeException(HardenedErrorCode.CONFLICT, "Already running.");
			default -> chain.doFilter(request, response);
		}
	}

}
