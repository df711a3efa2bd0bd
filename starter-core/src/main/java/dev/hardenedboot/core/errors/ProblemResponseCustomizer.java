package dev.hardenedboot.core.errors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Adds to a problem response that a filter writes itself. Such a filter may answer before
 * the filters that would normally decorate the response have run (the deadline's 400 comes
 * before the security headers filter), so those contribute here instead.
 */
@FunctionalInterface
public interface ProblemResponseCustomizer {

	void customize(HttpServletRequest request, HttpServletResponse response);

}
