package io.samokoder.model.migrations;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FlywayNamesTest {

    private static FlywayProject.Migration classify(String name) {
        return FlywayProject.classify("db/migration/" + name, name,
                new FlywayProjectSettingsAccess().defaults());
    }

    @Test
    void versionedUndoAndRepeatable() {
        FlywayProject.Migration v = classify("V1_2_3__Add_orders.sql");
        assertThat(v.kind()).isEqualTo(FlywayProject.Kind.VERSIONED);
        assertThat(v.version()).isEqualTo("1.2.3");
        assertThat(v.description()).isEqualTo("Add_orders");
        assertThat(classify("U1.2.3__Add_orders.sql").kind()).isEqualTo(FlywayProject.Kind.UNDO);
        assertThat(classify("R__views.sql").kind()).isEqualTo(FlywayProject.Kind.REPEATABLE);
        assertThat(classify("V20240101120000__big_timestamp_version.sql").version()).isEqualTo("20240101120000");
    }

    @Test
    void versionsCompareNumericallyWithoutTrailingZeros() {
        assertThat(FlywayProject.normalize("1.0")).isEqualTo("1");
        assertThat(FlywayProject.normalize("1_0_0")).isEqualTo("1");
        assertThat(FlywayProject.normalize("01.10")).isEqualTo("1.10");
        assertThat(FlywayProject.normalize("2.0.1")).isEqualTo("2.0.1");
        assertThat(FlywayProject.normalize("1.1")).isNotEqualTo(FlywayProject.normalize("1.10"));
    }

    @Test
    void namesFlywayIgnoresOrRejects() {
        assertThat(classify("V1_desc.sql").problem()).contains("no '__'");
        assertThat(classify("__V1__desc.sql").problem()).contains("does not start with");
        assertThat(classify("v1__desc.sql").problem()).contains("case-sensitive");
        assertThat(classify("V1a__desc.sql").problem()).contains("not numbers");
        assertThat(classify("V__desc.sql").problem()).contains("empty version");
        assertThat(classify("R1__desc.sql").problem()).contains("repeatable migrations take no version");
        assertThat(classify("V1__desc.SQL").problem()).contains("differs from '.sql' in case");
        assertThat(classify("create_users.sql").kind()).isEqualTo(FlywayProject.Kind.INVALID);
    }

    @Test
    void callbacksScriptConfigsAndOtherFilesAreNotMigrations() {
        assertThat(classify("beforeMigrate.sql").kind()).isEqualTo(FlywayProject.Kind.CALLBACK);
        assertThat(classify("afterEachMigrate__log.sql").kind()).isEqualTo(FlywayProject.Kind.CALLBACK);
        assertThat(classify("V1__init.sql.conf")).isNull();
        assertThat(classify("README.md")).isNull();
        assertThat(classify("MigrationSupport.java")).isNull();
        assertThat(classify("V3__Backfill.java").kind()).isEqualTo(FlywayProject.Kind.VERSIONED);
        assertThat(classify("V3_Backfill.java").kind()).isEqualTo(FlywayProject.Kind.INVALID);
    }

    @Test
    void baselineMigrationsAreVersionedUnderTheirOwnPrefix() {
        FlywayProject.Migration b = classify("B1_20_0__1.0.0_baseline.sql");
        assertThat(b.kind()).isEqualTo(FlywayProject.Kind.BASELINE);
        assertThat(b.version()).isEqualTo("1.20");
        assertThat(b.problem()).isNull();
        assertThat(classify("B__baseline.sql").problem()).contains("empty version");
        assertThat(classify("X1__desc.sql").problem()).contains("'V', 'U', 'R' or 'B'");
    }

    @Test
    void aPlaceholderInTheSuffixGivesEachFileTheValueItsNameCarries() {
        FlywayProject.Settings perDatabase = new FlywayProject.Settings("V", "U", "R", "B", "__",
                List.of("${spring.jpa.database}.sql"));
        FlywayProject.Migration v = FlywayProject.classify("db/migration/MYSQL/V1_2__add_index__MYSQL.sql",
                "V1_2__add_index__MYSQL.sql", perDatabase);
        assertThat(v.kind()).isEqualTo(FlywayProject.Kind.VERSIONED);
        assertThat(v.version()).isEqualTo("1.2");
        assertThat(v.variant()).isEqualTo("MYSQL");
        assertThat(FlywayProject.classify("db/migration/B1__base__H2.sql", "B1__base__H2.sql", perDatabase)
                .variant()).isEqualTo("H2");
        // a fixed part before the placeholder must be there too; Java migrations load in every run
        FlywayProject.Settings dotted = new FlywayProject.Settings("V", "U", "R", "B", "__",
                List.of(".${db}.sql"));
        FlywayProject.Migration d = FlywayProject.classify("m/V3__seed.h2.sql", "V3__seed.h2.sql", dotted);
        assertThat(d.variant()).isEqualTo("h2");
        assertThat(d.description()).isEqualTo("seed");
        assertThat(FlywayProject.classify("m/V3__seed_h2.sql", "V3__seed_h2.sql", dotted)).isNull();
        assertThat(FlywayProject.classify("m/V4__Backfill.java", "V4__Backfill.java", dotted).variant()).isNull();
        // with the default suffix nothing varies
        assertThat(classify("V1_2__add_index__MYSQL.sql").variant()).isNull();
    }
}
