package io.samokoder.model.migrations;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class AlembicModuleTest {

    private static AlembicModule parse(String text) {
        return AlembicModule.parse("versions/x.py", text);
    }

    @Test
    void readsPlainAssignments() {
        AlembicModule m = parse("revision = 'abc123'\ndown_revision = None\nbranch_labels = None\ndepends_on = None\n");
        assertThat(m.error()).isNull();
        assertThat(m.revisionId()).isEqualTo("abc123");
        assertThat(m.revision().line()).isEqualTo(1);
        assertThat(m.downRevision().type()).isEqualTo(AlembicModule.Value.Type.NONE);
        assertThat(m.downRevision().line()).isEqualTo(2);
        assertThat(m.branchLabels().ids()).isEmpty();
    }

    @Test
    void readsAnnotatedAssignmentsAsTheModernTemplateWritesThem() {
        AlembicModule m = parse("from typing import Sequence, Union\n"
                + "revision: str = \"0005\"\n"
                + "down_revision: Union[str, None] = \"0004\"\n"
                + "branch_labels: Union[str, Sequence[str], None] = ('billing',)\n"
                + "depends_on: Union[str, Sequence[str], None] = None\n");
        assertThat(m.revisionId()).isEqualTo("0005");
        assertThat(m.downRevision().ids()).containsExactly("0004");
        assertThat(m.branchLabels().ids()).containsExactly("billing");
        assertThat(m.dependsOn().type()).isEqualTo(AlembicModule.Value.Type.NONE);
    }

    @Test
    void readsTupleListBareTupleAndContinuedValues() {
        assertThat(parse("revision='m'\ndown_revision = ('a', 'b')\n").downRevision().ids()).containsExactly("a", "b");
        assertThat(parse("revision='m'\ndown_revision = ['a', \"b\",]\n").downRevision().ids())
                .containsExactly("a", "b");
        assertThat(parse("revision='m'\ndown_revision = 'a', 'b'\n").downRevision().ids()).containsExactly("a", "b");
        AlembicModule continued = parse("revision = \\\n    'x1'\ndown_revision = (\n    'a'\n    'b'\n)\n");
        assertThat(continued.revisionId()).isEqualTo("x1");
        assertThat(continued.downRevision().ids()).containsExactly("ab"); // adjacent literals concatenate
        assertThat(continued.downRevision().type()).isEqualTo(AlembicModule.Value.Type.STRING);
    }

    @Test
    void computedValuesAreNotLiterals() {
        AlembicModule m = parse("revision = make_id()\ndown_revision = PREVIOUS\n");
        assertThat(m.revisionId()).isNull();
        assertThat(m.revision().type()).isEqualTo(AlembicModule.Value.Type.OTHER);
        assertThat(m.downRevision().isLiteral()).isFalse();
    }

    @Test
    void functionsInsideStringsCommentsAndDocstringsAreNotCode() {
        AlembicModule m = parse("\"\"\"Revision with\ndef downgrade():\n    op.drop_table('t')\n\"\"\"\n"
                + "revision = 'a'\ndown_revision = None\n"
                + "# def downgrade(): pass\n"
                + "TEMPLATE = '''\ndef downgrade():\n    pass\n'''\n"
                + "def upgrade():\n    op.create_table('t')  # op.drop_table('t')\n    x = \"op.drop_table('t')\"\n");
        assertThat(m.downgrade()).isNull();
        assertThat(m.upgrade().ops()).extracting(OpCall::name).containsExactly("create_table");
    }

    @Test
    void classifiesTrivialBodies() {
        assertThat(parse("def downgrade():\n    pass\n").downgrade().trivialKind()).isEqualTo("`pass`");
        assertThat(parse("def downgrade() -> None:\n    ...\n").downgrade().trivialKind()).isEqualTo("`...`");
        assertThat(parse("def downgrade():\n    \"\"\"Nothing.\"\"\"\n    # op.drop_table('x')\n").downgrade()
                .trivialKind()).isEqualTo("a docstring");
        assertThat(parse("def downgrade():\n    raise NotImplementedError('irreversible')\n").downgrade()
                .trivialKind()).isEqualTo("`raise NotImplementedError`");
        assertThat(parse("def downgrade(): pass\n").downgrade().trivial()).isTrue();
        assertThat(parse("def downgrade():\n    pass\n    op.drop_table('t')\n").downgrade().trivial()).isFalse();
        assertThat(parse("def downgrade():\n    if True:\n        pass\n").downgrade().trivial()).isFalse();
    }

    @Test
    void collectsOperationsWithLinesAndArguments() {
        AlembicModule m = parse("def upgrade():\n"
                + "    op.add_column('users',\n"
                + "                  sa.Column('email', sa.String(255)))\n"
                + "    op.create_index(op.f('ix_users_email'), 'users', ['email'], unique=True)\n"
                + "    op.execute(sa.text(\"UPDATE users SET email = lower(email)\"))\n");
        List<OpCall> ops = m.upgrade().ops();
        assertThat(ops).extracting(OpCall::name).containsExactly("add_column", "create_index", "execute");
        assertThat(ops).extracting(OpCall::line).containsExactly(2, 4, 5);
        assertThat(ops.get(0).arg(1, "column").callFirstStr()).isEqualTo("email");
        assertThat(ops.get(1).str(0, "index_name")).isEqualTo("ix_users_email");
        assertThat(ops.get(1).arg(9, "unique").text()).isEqualTo("True");
        assertThat(ops.get(2).str(0, "sqltext")).startsWith("UPDATE users");
    }

    @Test
    void followsBatchContextsBindsAndLocalHelpers() {
        AlembicModule m = parse("def _drop_all():\n    op.drop_table('a')\n"
                + "def downgrade():\n"
                + "    with op.batch_alter_table('users', schema=None) as batch_op:\n"
                + "        batch_op.drop_column('email')\n"
                + "    conn = op.get_bind()\n"
                + "    conn.execute(sa.text('DELETE FROM a'))\n"
                + "    op.get_bind().execute('DELETE FROM b')\n"
                + "    _drop_all()\n");
        List<OpCall> ops = m.downgrade().ops();
        assertThat(ops).extracting(OpCall::name).containsExactly("drop_column", "execute", "execute", "drop_table");
        assertThat(ops.get(0).batchTable()).isEqualTo("users");
        assertThat(ops.get(0).str(0, "column_name")).isEqualTo("email");
        assertThat(m.downgrade().opaque()).isFalse();
    }

    @Test
    void recordsAnUnconditionalRaiseAndForeignCalls() {
        AlembicModule m = parse("def upgrade():\n    op.create_table('t')\n"
                + "def downgrade():\n    \"\"\"No way back.\"\"\"\n    raise RuntimeError('irreversible') from None\n");
        assertThat(m.downgrade().alwaysRaises()).isTrue();
        assertThat(m.downgrade().raises()).isEqualTo("RuntimeError(\"irreversible\")");
        AlembicModule conditional = parse("def downgrade():\n    if context.is_offline_mode():\n"
                + "        raise RuntimeError('online only')\n    op.drop_table('t')\n");
        assertThat(conditional.downgrade().alwaysRaises()).isFalse();
        AlembicModule calls = parse("def downgrade():\n    op.drop_table('t')\n"
                + "    enums.replace_values('status', ['a', 'b'])\n");
        assertThat(calls.downgrade().calls()).extracting(OpCall::name).containsExactly("enums.replace_values");
        assertThat(calls.downgrade().calls().get(0).args().get(0).string()).isEqualTo("status");
    }

    @Test
    void operationsUnderACheckOfTheDatabaseAreMarked() {
        AlembicModule m = parse("def upgrade():\n"
                + "    if 'legacy' in insp.get_table_names():\n        op.drop_table('legacy')\n"
                + "    if op.get_bind().dialect.name == 'postgresql':\n        op.drop_table('pg_only')\n"
                + "    else:\n        op.drop_table('other')\n"
                + "    op.drop_table('always')\n");
        assertThat(m.upgrade().ops()).extracting(OpCall::checked).containsExactly(true, false, false, false);
    }

    @Test
    void executeReadsSqlThroughTextNamesAndFStrings() {
        AlembicModule m = parse("SQL = 'UPDATE a SET x = 1'\n"
                + "def upgrade():\n"
                + "    conn = op.get_bind()\n"
                + "    conn.execute(sa.text(SQL).bindparams(y=2))\n"
                + "    stmt = sa.text(\"DELETE FROM b WHERE id = :id\")\n"
                + "    conn.execute(stmt, {'id': 1})\n"
                + "    for t in ('c', 'd'):\n        op.execute(f'TRUNCATE {t}')\n"
                + "    op.execute(users.update().values(flag=True))\n"
                + "    op.execute(DropSequence(Sequence('annotation_id_seq')))\n");
        assertThat(m.upgrade().ops()).flatExtracting(OpCall::effects).extracting(SchemaChange::shown)
                .containsExactly("UPDATE a SET x", "DELETE FROM b", "TRUNCATE c", "TRUNCATE d", "UPDATE",
                        "DropSequence(annotation_id_seq)");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void evaluationIsBoundedAgainstLoopAndStringBombs() {
        StringBuilder loops = new StringBuilder("N = (" + "'a', ".repeat(60) + ")\ndef upgrade():\n");
        String indent = "    ";
        for (int i = 0; i < 12; i++) {
            loops.append(indent).append("for x").append(i).append(" in N:\n");
            indent += "    ";
        }
        loops.append(indent).append("y = x0\n"); // no operation: only the statement budget stops it
        AlembicModule m = parse(loops.toString());
        assertThat(m.upgrade().ops()).isEmpty();
        StringBuilder strings = new StringBuilder("S0 = '" + "x".repeat(1000) + "'\n");
        for (int i = 1; i < 40; i++) {
            strings.append("S").append(i).append(" = S").append(i - 1).append(" + S").append(i - 1).append('\n');
        }
        strings.append("def upgrade():\n    op.execute(S39)\n");
        AlembicModule s = parse(strings.toString());
        assertThat(s.upgrade().ops()).hasSize(1);
        assertThat(s.analysis()).isNotNull();
    }

    @Test
    void aDowngradeCallingForeignCodeIsOpaque() {
        AlembicModule m = parse("from app.migrations import drop_everything\n"
                + "def downgrade():\n    drop_everything(op)\n");
        assertThat(m.downgrade().opaque()).isTrue();
        assertThat(m.downgrade().trivial()).isFalse();
    }

    @Test
    void recursiveHelpersDoNotLoop() {
        AlembicModule m = parse("def a():\n    b()\n    op.drop_table('x')\ndef b():\n    a()\n"
                + "def downgrade():\n    a()\n");
        assertThat(m.downgrade().ops()).extracting(OpCall::name).containsExactly("drop_table");
    }

    @Test
    void unterminatedStringsAreReportedWithTheirLine() {
        AlembicModule single = parse("revision = 'a'\ndown_revision = 'b\ndef downgrade():\n    pass\n");
        assertThat(single.error()).contains("unterminated string literal");
        assertThat(single.errorLine()).isEqualTo(2);
        assertThat(single.revisionId()).isEqualTo("a");
        AlembicModule triple = parse("revision = 'a'\n\"\"\"never closed\ndef downgrade():\n    pass\n");
        assertThat(triple.error()).contains("unterminated triple-quoted string");
        assertThat(triple.errorLine()).isEqualTo(2);
        assertThat(triple.downgrade()).isNull();
    }

    @Test
    void otherSyntaxErrorsAreReported() {
        assertThat(parse("revision = ('a'\n").error()).contains("never closed");
        assertThat(parse("revision = 'a')\n").error()).contains("unmatched ')'");
        assertThat(parse("def f():\n        x = 1\n    y = 2\n").error()).contains("unindent");
        assertThat(parse("revision = 'a' $\n").error()).contains("invalid character");
    }

    @Test
    void stringPrefixesAndEscapes() {
        AlembicModule m = parse("revision = r'a\\b'\ndown_revision = u'c\\'d'\nbranch_labels = (f'{x}',)\n");
        assertThat(m.revisionId()).isEqualTo("a\\b");
        assertThat(m.downRevision().ids()).containsExactly("c'd");
        assertThat(m.branchLabels().isLiteral()).isFalse(); // an f-string is computed
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void survivesBinaryAndHugeAndDeeplyNestedInput() {
        StringBuilder binary = new StringBuilder();
        java.util.Random r = new java.util.Random(7);
        for (int i = 0; i < 200_000; i++) {
            binary.append((char) r.nextInt(0x3000));
        }
        AlembicModule b = parse(binary.toString());
        assertThat(b.error()).isNotNull();

        StringBuilder huge = new StringBuilder("revision = 'big'\ndown_revision = None\ndef upgrade():\n");
        while (huge.length() < 10 * 1024 * 1024) {
            huge.append("    op.add_column('t', sa.Column('c', sa.String(32)))  # padding padding padding\n");
        }
        huge.append("def downgrade():\n    pass\n");
        AlembicModule h = parse(huge.toString());
        assertThat(h.error()).isNull();
        assertThat(h.upgrade().ops()).hasSizeGreaterThan(100_000);
        assertThat(h.downgrade().trivial()).isTrue();

        String deep = "x = " + "(".repeat(50_000) + ")".repeat(50_000) + "\n" + "if x:\n".repeat(1)
                + " ".repeat(1) + "pass\n";
        assertThat(parse(deep).error()).isNull();
        StringBuilder indents = new StringBuilder();
        for (int i = 0; i < 3_000; i++) {
            indents.append(" ".repeat(i)).append("if x:\n");
        }
        indents.append(" ".repeat(3_000)).append("pass\n");
        assertThat(parse(indents.toString()).error()).isNull();

        String unterminatedHuge = "revision = 'x'\ns = '''" + "a".repeat(10 * 1024 * 1024);
        assertThat(parse(unterminatedHuge).error()).contains("unterminated triple-quoted");
    }
}
