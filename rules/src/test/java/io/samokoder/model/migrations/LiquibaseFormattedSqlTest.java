package io.samokoder.model.migrations;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Workspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LiquibaseFormattedSqlTest {

    @TempDir
    Path dir;

    private LiquibaseProject load() throws IOException {
        return LiquibaseProject.of(new AuditContext(Workspace.scan(dir), AuditConfig.forRoot(dir)));
    }

    @Test
    void splitsChangesetsAndSeesBothRollbackSyntaxes() throws IOException {
        Files.writeString(dir.resolve("changes.sql"), "  -- Liquibase formatted SQL\n\n"
                + "--changeset ann:1 runOnChange:true\nCREATE TABLE a (id int);\n--rollback DROP TABLE a;\n\n"
                + "--changeset ann:2\nCREATE TABLE b (id int);\n/* liquibase rollback\nDROP TABLE b;\n*/\n\n"
                + "--changeset ann:3\n-- only a comment, no SQL\n\n"
                + "--changeset ann:4\nDELETE FROM a;\n"
                + "--include file:other.sql\n");
        Files.writeString(dir.resolve("plain.sql"), "CREATE TABLE not_a_changelog (id int);\n");
        List<LiquibaseProject.Changelog> logs = load().changelogs();
        assertThat(logs).extracting(LiquibaseProject.Changelog::path).containsExactly("changes.sql");
        List<LiquibaseProject.ChangeSet> sets = logs.get(0).changeSets();
        assertThat(sets).extracting(LiquibaseProject.ChangeSet::id).containsExactly("1", "2", "3", "4");
        assertThat(sets).extracting(LiquibaseProject.ChangeSet::hasRollback).containsExactly(true, true, false, false);
        assertThat(sets.get(2).changes()).isEmpty();
        assertThat(sets.get(3).changes()).extracting(LiquibaseProject.Change::line).containsExactly(17);
        assertThat(logs.get(0).includes()).extracting(LiquibaseProject.Include::target, LiquibaseProject.Include::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("other.sql", 18));
    }
}
