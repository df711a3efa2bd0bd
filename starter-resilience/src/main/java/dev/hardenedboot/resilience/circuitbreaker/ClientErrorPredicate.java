package dev.hardenedboot.resilience.circuitbreaker;

import java.util.function.Predicate;

import dev.hardenedboot.core.errors.ErrorCodeException;

import org.springframework.util.ClassUtils;
import org.springframework.web.ErrorResponse;
import org.springframework.web.client.RestClientResponseException;

/**
 * Whether a failure is the caller's, not the dependency's: an HTTP 4xx answer or an error
 * code with a 4xx status. A breaker ignores it (a flood of bad requests must not cut off a
 * healthy dependency) and a retry does not repeat it (it would fail the same way).
 *
 * <p>Installed as resilience4j's {@code ignore-exception-predicate} of every breaker, beside
 * the {@code ignore-exceptions} list, whose classes need no status to be classified.
 */
public class ClientErrorPredicate implements Predicate<Throwable> {

	private static final boolean WEB_PRESENT = ClassUtils.isPresent("org.springframework.web.ErrorResponse",
			ClientErrorPredicate.class.getClassLoader());

	@Override
	public boolean test(Throwable failure) {
		if (failure instanceof ErrorCodeException error) {
			return error.getErrorCode().status().is4xxClientError();
		}
		return WEB_PRESENT && WebStatus.isClientError(failure);
	}

	/** Touches spring-web's types only when spring-web is there. */
	private static final class WebStatus {

		static boolean isClientError(Throwable failure) {
			if (failure instanceof RestClientResponseException response) {
				return response.getStatusCode().is4xxClientError();
			}
			return failure instanceof ErrorResponse response && response.getStatusCode().is4xxClientError();
		}

	}

}
