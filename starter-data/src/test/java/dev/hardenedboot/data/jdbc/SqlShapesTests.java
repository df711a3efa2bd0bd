package dev.hardenedboot.data.jdbc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlShapesTests {

	@Test
	void literalsAndParametersFoldToOneShape() {
		assertThat(SqlShapes.normalize("SELECT * FROM t WHERE id = 42 AND name = 'O''Brien'"))
			.isEqualTo("SELECT * FROM t WHERE id = ? AND name = ?");
		assertThat(SqlShapes.normalize("select * from t where id = $1")).isEqualTo("select * from t where id = ?");
		assertThat(SqlShapes.normalize("select amount from t where amount > -1.5e3"))
			.isEqualTo("select amount from t where amount > ?");
	}

	@Test
	void inListsOfAnyLengthAreOneShape() {
		assertThat(SqlShapes.normalize("select * from t where id in (1, 2, 3)"))
			.isEqualTo(SqlShapes.normalize("select * from t where id IN (?,?)"))
			.isEqualTo("select * from t where id in (?)");
	}

	@Test
	void identifiersWithDigitsAndWhitespaceAreKept() {
		assertThat(SqlShapes.normalize("select t1.c2\n  from  table_3 t1")).isEqualTo("select t1.c2 from table_3 t1");
	}

	@Test
	void shapesAreCachedByText() {
		SqlShapes shapes = new SqlShapes();
		String first = shapes.shapeOf("select 1");
		assertThat(shapes.shapeOf("select 1")).isSameAs(first);
		for (int i = 0; i < 3000; i++) {
			shapes.shapeOf("select " + i + " from t" + i);
		}
		assertThat(shapes.shapeOf("select 7 from t7")).isEqualTo("select ? from t7");
	}

}
