package io.samokoder.model.migrations;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DowngradeAnalysisTest {

    private static List<DowngradeAnalysis.Gap> gaps(String up, String down) {
        AlembicModule m = AlembicModule.parse("v.py", "def upgrade():\n" + indent(up) + "def downgrade():\n"
                + indent(down));
        return DowngradeAnalysis.unreversed(m.upgrade(), m.downgrade());
    }

    private static List<DowngradeAnalysis.DataGap> dataGaps(String up, String down) {
        AlembicModule m = AlembicModule.parse("v.py", "def upgrade():\n" + indent(up) + "def downgrade():\n"
                + indent(down));
        return DowngradeAnalysis.unreversedData(m.upgrade(), m.downgrade());
    }

    private static String indent(String body) {
        StringBuilder sb = new StringBuilder();
        for (String line : body.split("\n")) {
            sb.append("    ").append(line).append('\n');
        }
        return sb.toString();
    }

    @Test
    void pairsEveryOperationWithItsReverse() {
        assertThat(gaps("op.create_table('a', sa.Column('id'))\nop.add_column('b', sa.Column('c'))\n"
                        + "op.create_index('ix', 'b', ['c'])\nop.create_foreign_key('fk', 'b', 'a', ['c'], ['id'])\n"
                        + "op.create_unique_constraint('uq', 'b', ['c'])\nop.create_check_constraint('ck', 'b', 'c > 0')\n"
                        + "op.rename_table('old', 'new')\nop.alter_column('b', 'c', nullable=False)\n"
                        + "op.drop_column('b', 'legacy')",
                "op.add_column('b', sa.Column('legacy', sa.Integer))\nop.alter_column('b', 'c', nullable=True)\n"
                        + "op.rename_table('new', 'old')\nop.drop_constraint('ck', 'b', type_='check')\n"
                        + "op.drop_constraint('uq', 'b', type_='unique')\nop.drop_constraint('fk', 'b', type_='foreignkey')\n"
                        + "op.drop_index('ix', table_name='b')\nop.drop_column('b', 'c')\nop.drop_table('a')"))
                .isEmpty();
    }

    @Test
    void namesTheOperationAndObjectThatIsNotReversed() {
        List<DowngradeAnalysis.Gap> g = gaps("op.add_column('users', sa.Column('a'))\n"
                + "op.add_column('users', sa.Column('b'))\nop.create_index('ix_users_a', 'users', ['email'])\n"
                + "op.create_foreign_key(None, 'users', 'orgs', ['org_id'], ['id'])\n"
                + "op.rename_table('x', 'y')\nop.drop_table('legacy')",
                "op.drop_column('users', 'a')\nop.rename_table('x', 'y')");
        assertThat(g).extracting(DowngradeAnalysis.Gap::does).containsExactly(
                "adds column users.b (op.add_column)",
                "creates index ix_users_a on users (op.create_index)",
                "creates foreign key constraint (unnamed) on users (op.create_foreign_key)",
                "renames table x to y (op.rename_table)",
                "drops table legacy (op.drop_table)");
        assertThat(g.get(0).missing()).isEqualTo("never drops it (op.drop_column)");
        assertThat(g.get(0).op().line()).isEqualTo(3);
    }

    @Test
    void aDroppedTableCoversItsColumnsIndexesAndConstraints() {
        assertThat(gaps("op.create_table('t')\nop.create_index('ix_t', 't', ['x'])\n"
                + "op.create_unique_constraint('uq_t', 't', ['x'])", "op.drop_table('t')")).isEmpty();
    }

    @Test
    void unnamedConstraintsMatchByTableAndType() {
        assertThat(gaps("op.create_foreign_key(None, 'a', 'b', ['b_id'], ['id'])",
                "op.drop_constraint(None, 'a', type_='foreignkey')")).isEmpty();
        assertThat(gaps("op.create_foreign_key(None, 'a', 'b', ['b_id'], ['id'])",
                "op.drop_constraint(None, 'other', type_='foreignkey')")).hasSize(1);
    }

    @Test
    void batchOperationsUseTheBatchTable() {
        assertThat(gaps("with op.batch_alter_table('users') as b:\n    b.add_column(sa.Column('x'))",
                "with op.batch_alter_table('users') as b:\n    b.drop_column('x')")).isEmpty();
        assertThat(gaps("with op.batch_alter_table('users') as b:\n    b.add_column(sa.Column('x'))",
                "with op.batch_alter_table('orders') as b:\n    b.drop_column('x')"))
                .extracting(DowngradeAnalysis.Gap::does).containsExactly("adds column users.x (batch_op.add_column)");
    }

    @Test
    void renamedColumnsAreAlteredBackUnderTheirNewName() {
        assertThat(gaps("op.alter_column('t', 'old', new_column_name='new')",
                "op.alter_column('t', 'new', new_column_name='old')")).isEmpty();
        assertThat(gaps("op.alter_column('t', 'old', new_column_name='new')",
                "op.alter_column('t', 'old', new_column_name='new')")).hasSize(1);
    }

    @Test
    void eachReverseOperationIsUsedOnce() {
        assertThat(gaps("op.create_index(ix_name(), 't', ['a'])\nop.create_index(ix_name(), 't', ['b'])",
                "op.drop_index(ix_name(), table_name='t')")).hasSize(1);
    }

    @Test
    void dataChangesNeedACounterpartUnlessTheirRowsDisappear() {
        assertThat(dataGaps("op.execute(\"UPDATE users SET plan = 'free'\")", "pass"))
                .extracting(DowngradeAnalysis.DataGap::what).containsExactly("op.execute(UPDATE users SET plan …)");
        assertThat(dataGaps("op.execute('UPDATE users SET plan = 1')", "op.execute('UPDATE users SET plan = 0')"))
                .isEmpty();
        assertThat(dataGaps("op.add_column('users', sa.Column('plan'))\nop.execute('UPDATE users SET plan = 1')",
                "op.drop_column('users', 'plan')")).isEmpty();
        assertThat(dataGaps("op.create_table('plans')\nop.bulk_insert(sa.table('plans'), [])",
                "op.drop_table('plans')")).isEmpty();
        assertThat(dataGaps("op.bulk_insert(plans_table, rows)", "op.drop_table('plans')"))
                .extracting(DowngradeAnalysis.DataGap::what).containsExactly("op.bulk_insert into a table");
        assertThat(dataGaps("op.execute('DELETE FROM sessions')", "op.drop_table('sessions')"))
                .extracting(DowngradeAnalysis.DataGap::what).containsExactly("op.execute(DELETE FROM sessions …)");
    }

    @Test
    void sqlTextBeyondVerbAndTableNeverAppears() {
        List<DowngradeAnalysis.DataGap> g = dataGaps(
                "op.execute(\"INSERT INTO api_keys (token) VALUES ('sk_live_51Habcdefghijkl')\")", "pass");
        assertThat(g).extracting(DowngradeAnalysis.DataGap::what).containsExactly("op.execute(INSERT INTO api_keys …)");
        assertThat(g.get(0).what()).doesNotContain("sk_live");
    }
}
