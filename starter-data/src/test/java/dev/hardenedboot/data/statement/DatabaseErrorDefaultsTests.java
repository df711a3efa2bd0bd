package dev.hardenedboot.data.statement;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseErrorDefaultsTests {

	private static final Bindable<Map<String, String>> EXCEPTIONS = Bindable.mapOf(String.class, String.class);

	@Test
	void connectionFailuresAreDependencyUnavailableAndTheApplicationsMappingWins() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("hardened.errors.exceptions[org.springframework.jdbc.CannotGetJdbcConnectionException]",
					"MY_OWN_CODE");
		new DatabaseErrorDefaultsEnvironmentPostProcessor().postProcessEnvironment(environment, null);
		Map<String, String> exceptions = Binder.get(environment).bind("hardened.errors.exceptions", EXCEPTIONS).get();
		assertThat(exceptions).containsEntry("java.sql.SQLTransientConnectionException", "DEPENDENCY_UNAVAILABLE")
			.containsEntry("org.springframework.transaction.CannotCreateTransactionException", "DEPENDENCY_UNAVAILABLE")
			.containsEntry("org.springframework.dao.DataAccessResourceFailureException", "DEPENDENCY_UNAVAILABLE")
			.containsEntry("org.springframework.dao.QueryTimeoutException", "REQUEST_TIMEOUT")
			.containsEntry("org.springframework.jdbc.CannotGetJdbcConnectionException", "MY_OWN_CODE");
	}

}
