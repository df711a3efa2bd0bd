package dev.hardenedboot.data.health;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The tables the deep {@code writableTables} check of {@code /health/ready?deep=true}
 * probes.
 */
@ConfigurationProperties("hardened.health.deep")
@Validated
public class WritableTablesProperties {

	/**
	 * Tables the deep writableTables check probes with a write that changes nothing, as
	 * [schema.]table. Empty: the check reports that nothing is configured.
	 */
	@NotNull
	private List<@Pattern(regexp = "[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)?",
			message = "must be a table name, optionally with its schema, such as 'public.orders'") String> writableTables = new ArrayList<>();

	public List<String> getWritableTables() {
		return this.writableTables;
	}

	public void setWritableTables(List<String> writableTables) {
		this.writableTables = writableTables;
	}

}
