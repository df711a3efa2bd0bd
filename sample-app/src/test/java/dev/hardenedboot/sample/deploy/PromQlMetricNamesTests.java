package dev.hardenedboot.sample.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PromQlMetricNamesTests {

	@Test
	void namesWithoutFunctionsLabelsRangesOrVariables() {
		assertThat(PromQlMetricNames.in("sum by (uri) (rate(http_server_requests_seconds_count{"
				+ "application=\"$application\",status=~\"5..\"}[$__rate_interval]))"
				+ " / sum by (uri) (rate(http_server_requests_seconds_count[5m]))"))
			.containsExactly("http_server_requests_seconds_count");
		assertThat(PromQlMetricNames.in("histogram_quantile(0.99, sum by (le, uri) "
				+ "(rate(http_server_requests_seconds_bucket{le=\"0.5\"}[1h])))"))
			.containsExactly("http_server_requests_seconds_bucket");
	}

	@Test
	void recordedSeriesAndBothSidesOfAnOperator() {
		assertThat(PromQlMetricNames.in("application:http_server_requests:error_ratio_rate5m > (14.4 * 0.001)"
				+ " and application:http_server_requests:error_ratio_rate1h > (14.4 * 0.001)"))
			.containsExactly("application:http_server_requests:error_ratio_rate5m",
					"application:http_server_requests:error_ratio_rate1h");
		assertThat(PromQlMetricNames.in("count by (application) (count by (application, fingerprint) "
				+ "(hardened_config_info)) > 1 unless on (application) up == 0"))
			.containsExactly("hardened_config_info", "up");
	}

	@Test
	void variableQueryReadsTheMetricNotTheLabel() {
		assertThat(PromQlMetricNames.inVariableQuery("label_values(http_server_requests_seconds_count, application)"))
			.containsExactly("http_server_requests_seconds_count");
	}

}
