package io.samokoder.model.migrations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class SqlLexCheckTest {

    @Test
    void closedConstructsPass() {
        assertThat(SqlLexCheck.check("SELECT 'it''s', \"Col\" FROM t; -- don't\n/* it's */ SELECT $$ it's $$;"
                + " SELECT $fn$ body ' $fn$; SELECT $1, $2;")).isNull();
        assertThat(SqlLexCheck.check("# MySQL comment: don't\nSELECT 1;\n  # it's fine\nSELECT E'it\\'s';")).isNull();
    }

    @Test
    void unclosedConstructsAreReportedWhereTheyOpen() {
        SqlLexCheck.Problem open = SqlLexCheck.check("SELECT 1;\nSELECT 'oops;\nSELECT 2;");
        assertThat(open.message()).isEqualTo("unterminated string literal");
        assertThat(open.line()).isEqualTo(2);
        assertThat(SqlLexCheck.check("SELECT 1;\n/* never closed").line()).isEqualTo(2);
        assertThat(SqlLexCheck.check("CREATE FUNCTION f() AS $$\nBEGIN").message()).contains("$$");
        assertThat(SqlLexCheck.check("SELECT \"Col FROM t").message()).contains("quoted identifier");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hugeAndBinaryInputIsLinear() {
        assertThat(SqlLexCheck.check("SELECT '" + "x".repeat(10 * 1024 * 1024))).isNotNull();
        StringBuilder sb = new StringBuilder();
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 2_000_000; i++) {
            sb.append((char) r.nextInt(256));
        }
        SqlLexCheck.check(sb.toString()); // never throws, returns in linear time
        assertThat(SqlLexCheck.check("$".repeat(1_000_000))).isNull();
    }
}
