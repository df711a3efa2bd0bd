package dev.hardenedboot.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JdbcUrlsTests {

	@Test
	void replacesTheDatabaseAndKeepsTheQuery() {
		assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h:5432/test?user=postgres", "fresh"))
			.isEqualTo("jdbc:postgresql://h:5432/fresh?user=postgres");
		assertThat(JdbcUrls.withDatabase("jdbc:mariadb://h:3306/test", "fresh")).isEqualTo("jdbc:mariadb://h:3306/fresh");
	}

	@Test
	void addsADatabaseWhereTheUrlHasNone() {
		assertThat(JdbcUrls.withDatabase("jdbc:mariadb://h:3306?user=root", "fresh"))
			.isEqualTo("jdbc:mariadb://h:3306/fresh?user=root");
		assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h", "fresh")).isEqualTo("jdbc:postgresql://h/fresh");
		assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h?ssl=true", "fresh"))
			.isEqualTo("jdbc:postgresql://h/fresh?ssl=true");
	}

	@Test
	void credentialsAreAppendedEncodedAndReadBack() {
		String url = JdbcUrls.withCredentials("jdbc:postgresql://h/test?loggerLevel=OFF", "te st", "p&ss=");
		assertThat(url).isEqualTo("jdbc:postgresql://h/test?loggerLevel=OFF&user=te+st&password=p%26ss%3D");
		assertThat(JdbcUrls.queryParameter(url, "user")).isEqualTo("te st");
		assertThat(JdbcUrls.queryParameter(url, "password")).isEqualTo("p&ss=");
		assertThat(JdbcUrls.queryParameter(url, "ssl")).isNull();
		assertThat(JdbcUrls.withCredentials("jdbc:mariadb://h/test", "root", ""))
			.isEqualTo("jdbc:mariadb://h/test?user=root");
	}

	@Test
	void passwordsAreRedactedInQueryAndUserInfo() {
		assertThat(JdbcUrls.redactPassword("jdbc:postgresql://h/test?user=u&password=secret&ssl=true"))
			.isEqualTo("jdbc:postgresql://h/test?user=u&password=***&ssl=true");
		assertThat(JdbcUrls.redactPassword("redis://default:secret@h:6379")).isEqualTo("redis://default:***@h:6379");
	}

}
