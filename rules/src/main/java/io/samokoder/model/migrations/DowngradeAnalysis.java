package io.samokoder.model.migrations;

import io.samokoder.i18n.Text;
import io.samokoder.model.migrations.SchemaChange.Act;
import io.samokoder.model.migrations.SchemaChange.Kind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a revision's {@code downgrade()} leaves different from before its {@code upgrade()}: both functions are run,
 * symbolically and in order, over the objects they name (tables, columns, indexes, constraints, types and enum values,
 * functions, triggers, views, sequences, extensions), whether written as Alembic operations or as SQL through
 * {@code op.execute}. Each object remembers whether it existed before the upgrade (inferred from the first statement
 * that names it), whether it exists now, its name at the start, and an upgrade alteration not yet undone. After the
 * downgrade, every object the upgrade touched must be back: existing or not as at the start, under its old name, with
 * its alterations undone. This is the database's own semantics, so
 * <ul>
 *   <li>objects created and dropped within the upgrade leave nothing to undo;</li>
 *   <li>dropping a table drops its columns, indexes, constraints and triggers, dropping a column drops the indexes and
 *       constraints on it, so an alteration of a column the downgrade drops needs no undoing;</li>
 *   <li>a table rebuilt under the same name (rename to a temporary name, create, copy, drop: the SQLite way), or a
 *       column replaced by a renamed new one, keeps its identity; a replaced column counts as altered;</li>
 *   <li>a constraint dropped and recreated under the same name counts as redefined until the downgrade redefines it;
 *       an index or constraint created on a column the upgrade dropped before may re-create one dropped with it, so
 *       whether it existed is unknown;</li>
 *   <li>{@code IF EXISTS} / {@code IF NOT EXISTS} and {@code CREATE OR REPLACE} mean the author did not know whether
 *       the object existed, so only an alteration can be left undone;</li>
 *   <li>an enum value added by the upgrade is undone by any change of its type in the downgrade (type recreated,
 *       {@code sync_enum_values}), or by a call of code from elsewhere that names the type.</li>
 * </ul>
 * Names that cannot be evaluated match any object of the same kind on the same table. Row changes (UPDATE, INSERT,
 * DELETE, {@code bulk_insert}) are judged against the same run: they need no counterpart when the rows or columns
 * they touch vanish again (created by the upgrade, dropped by the downgrade) or are copies into a rebuilt table.
 */
public final class DowngradeAnalysis {

    /**
     * An upgrade change the downgrade does not undo.
     *
     * @param op        the upgrade call
     * @param does      what it does, in words
     * @param missing   what the downgrade fails to do
     * @param key       stable identity for fingerprints
     * @param lowImpact leaves something behind that the previous release does not notice (an enum value PostgreSQL
     *                  cannot drop)
     */
    public record Gap(OpCall op, String does, String missing, String key, boolean lowImpact, Text doesText,
                      Text shortText, Text missingText) {

        /** A gap in every report language: {@code does} is {@code shortText} with where it happens ({@code via}). */
        static Gap of(OpCall op, Text shortText, String via, Text missing, String key, boolean lowImpact) {
            Text does = Text.of("model.gap.via", shortText, via);
            return new Gap(op, does.english(), missing.english(), key, lowImpact, does, shortText, missing);
        }
    }

    /**
     * An upgrade data change with no counterpart.
     *
     * @param unknown     the statement could not be read: it may change rows, structure, or nothing
     * @param destructive it deletes rows or overwrites values that existed before the upgrade
     * @param verb        UPDATE, INSERT, DELETE, … (null when unknown)
     * @param table       the table whose rows change, when known
     * @param columns     the columns an UPDATE sets, when known
     * @param fill        an UPDATE that only touches rows where the column it sets is NULL: a backfill
     * @param cleanup     changes only rows the new schema forbids: a DELETE of rows selected by a NULL or a missing
     *                    reference, or an UPDATE or DELETE that makes rows fit a constraint, unique index or NOT NULL
     *                    the upgrade adds after it
     * @param idempotent  an INSERT that skips rows already there (ON CONFLICT, NOT EXISTS, or run only after a check
     *                    in Python): running the upgrade again after a downgrade does not duplicate them
     * @param rewrite     an UPDATE that overwrites one literal value of a column with another in place
     *                    ({@code SET s = 'b' WHERE s = 'a'}): the converted rows cannot be told apart afterwards
     */
    public record DataGap(OpCall op, String what, boolean unknown, boolean destructive, String verb, String table,
                          List<String> columns, boolean fill, boolean cleanup, boolean idempotent, boolean rewrite) {
        public DataGap(OpCall op, String what) {
            this(op, what, false, false, null, null, List.of(), false, false, false, false);
        }
    }

    /**
     * The analysis of one revision.
     *
     * @param gaps          structural changes of the upgrade left in place by the downgrade, in upgrade order
     * @param data          data changes of the upgrade without counterpart
     * @param schemaWork    the upgrade changes structure (beyond what it undoes itself)
     * @param unseenWork    the upgrade runs code or SQL this analysis cannot read
     * @param addedColumns  columns the upgrade adds ({@code table.column}, table without schema, lower case)
     */
    public record Result(List<Gap> gaps, List<DataGap> data, boolean schemaWork, boolean unseenWork,
                         Set<String> addedColumns) {
    }

    private DowngradeAnalysis() {
    }

    /** Upgrade operations that the downgrade does not reverse. */
    public static List<Gap> unreversed(AlembicModule.Function up, AlembicModule.Function down) {
        return analyse(up, down).gaps();
    }

    /** Upgrade data changes that the downgrade neither undoes with its own data change nor makes moot. */
    public static List<DataGap> unreversedData(AlembicModule.Function up, AlembicModule.Function down) {
        return analyse(up, down).data();
    }

    public static Result analyse(AlembicModule.Function up, AlembicModule.Function down) {
        return analyse(up, down, NamingConvention.NONE);
    }

    /** Runs upgrade then downgrade; operation names are rendered through the project's naming convention. */
    public static Result analyse(AlembicModule.Function up, AlembicModule.Function down, NamingConvention naming) {
        Run run = new Run();
        List<Step> ups = steps(up, true, run, naming);
        List<Step> downs = down == null ? List.of() : steps(down, false, run, naming);
        for (Step s : ups) {
            run.apply(s);
        }
        boolean schemaWork = run.objs.stream().anyMatch(o -> o.judged && o.differs() && o.kind != Kind.ENUM_VALUE);
        Set<String> added = new java.util.TreeSet<>();
        for (Obj o : run.objs) {
            if (o.kind == Kind.COLUMN && o.start == Start.ABSENT && o.table != null && o.name != null) {
                added.add(Run.key(o.table, o.name));
            }
        }
        for (Step s : downs) {
            run.apply(s);
        }
        Set<String> named = new HashSet<>();
        if (down != null) {
            for (OpCall c : down.calls()) {
                for (OpCall.Arg a : c.args()) {
                    if (a.string() != null) {
                        named.add(a.string().toLowerCase(Locale.ROOT));
                    }
                    a.strings().forEach(x -> named.add(x.toLowerCase(Locale.ROOT)));
                }
            }
        }
        List<Gap> gaps = run.gaps(named);
        List<DataGap> data = run.dataGaps(ups, downs);
        boolean unseen = up.opaque() || !up.calls().isEmpty()
                || ups.stream().anyMatch(s -> s.change().act() == Act.UNKNOWN);
        return new Result(gaps, data, schemaWork, unseen, Set.copyOf(added));
    }

    // ---- statements ----

    /** One change in the order it runs, with the call it came from. */
    private record Step(SchemaChange change, OpCall call, boolean up, int seq) {
    }

    private static List<Step> steps(AlembicModule.Function f, boolean up, Run run, NamingConvention naming) {
        List<Step> out = new ArrayList<>();
        for (OpCall c : f.ops()) {
            List<SchemaChange> changes = c.effects() != null ? c.effects() : changes(c, naming);
            for (SchemaChange ch : changes) {
                boolean checkedStructure = c.checked() && ch.act() != Act.DATA && !ch.guarded();
                out.add(new Step(checkedStructure ? ch.withGuard(true) : ch, c, up, run.seq++));
            }
        }
        return out;
    }

    private static String table(OpCall c, int index, String keyword) {
        String t = c.isBatch() ? c.batchTable() : c.str(index, keyword);
        if ("?".equals(t)) {
            return null;
        }
        if (t != null && !c.isBatch()) {
            String schema = c.str(99, "schema");
            if (schema != null && !schema.isEmpty() && !schema.equalsIgnoreCase("public")) {
                t = schema + "." + t;
            }
        }
        return t;
    }

    private static List<String> strings(OpCall c, int index, String keyword) {
        OpCall.Arg a = c.arg(index, keyword);
        return a == null ? List.of() : a.strings();
    }

    private static String template(OpCall c, int index, String keyword) {
        OpCall.Arg a = c.arg(index, keyword);
        return a == null ? null : a.template();
    }

    private static final Pattern IDENT = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");

    /** Identifiers of a CHECK condition: the columns it may involve. */
    private static List<String> identifiers(String condition) {
        List<String> out = new ArrayList<>();
        if (condition == null) {
            return out;
        }
        Matcher m = IDENT.matcher(condition.length() > 4000 ? condition.substring(0, 4000) : condition);
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private static final Set<String> NOT_MODIFYING = Set.of("existing_type", "existing_nullable",
            "existing_server_default", "existing_comment", "schema", "new_column_name", "table_name", "column_name",
            "existing_autoincrement", "postgresql_using", "recreate");

    static List<SchemaChange> changes(OpCall c) {
        return changes(c, NamingConvention.NONE);
    }

    /** The name an operation's object gets in the database, through the naming convention. */
    private static String named(OpCall c, NamingConvention n, String key, String table, List<String> cols,
                                String referred) {
        OpCall.Arg a = c.arg(0, switch (c.name()) {
            case "create_index", "drop_index" -> "index_name";
            default -> "constraint_name";
        });
        String given = a == null || a.none() ? null : a.string();
        if (a != null && !a.none() && given == null) {
            return null; // an expression
        }
        boolean isFinal = a != null && "f".equals(a.callName());
        return n.render(key, given, isFinal, table, cols, referred);
    }

    /** What an Alembic operation does. */
    static List<SchemaChange> changes(OpCall c, NamingConvention n) {
        boolean b = c.isBatch();
        String shown = (b ? "batch_op." : "op.") + c.name();
        return switch (c.name()) {
            case "create_table" -> {
                List<String> cols = new ArrayList<>();
                for (OpCall.Arg a : c.args()) {
                    if (a.keyword() == null && "Column".equals(a.callName()) && a.callFirstStr() != null) {
                        cols.add(a.callFirstStr());
                    }
                }
                String t = c.str(0, "table_name");
                String schema = c.str(99, "schema");
                if (t != null && schema != null && !schema.isEmpty() && !schema.equalsIgnoreCase("public")) {
                    t = schema + "." + t;
                }
                yield List.of(new SchemaChange(Act.CREATE, Kind.TABLE, null, t, null, cols, null, false, shown,
                        List.of()));
            }
            case "drop_table" -> {
                String t = c.str(0, "table_name");
                String schema = c.str(99, "schema");
                if (t != null && schema != null && !schema.isEmpty() && !schema.equalsIgnoreCase("public")) {
                    t = schema + "." + t;
                }
                yield List.of(SchemaChange.of(Act.DROP, Kind.TABLE, null, t, shown));
            }
            case "rename_table" -> {
                String schema = c.str(99, "schema");
                String a = c.str(0, "old_table_name");
                String to = c.str(1, "new_table_name");
                if (schema != null && !schema.isEmpty() && !schema.equalsIgnoreCase("public")) {
                    a = a == null ? null : schema + "." + a;
                    to = to == null ? null : schema + "." + to;
                }
                yield List.of(SchemaChange.of(Act.RENAME, Kind.TABLE, null, a, shown).withNewName(to));
            }
            case "add_column" -> {
                OpCall.Arg col = b ? c.arg(0, "column") : c.arg(1, "column");
                yield List.of(SchemaChange.of(Act.CREATE, Kind.COLUMN, table(c, 0, "table_name"),
                        col == null ? null : col.callFirstStr(), shown));
            }
            case "drop_column" -> List.of(SchemaChange.of(Act.DROP, Kind.COLUMN, table(c, 0, "table_name"),
                    b ? c.str(0, "column_name") : c.str(1, "column_name"), shown));
            case "alter_column" -> {
                String t = table(c, 0, "table_name");
                String col = b ? c.str(0, "column_name") : c.str(1, "column_name");
                String renamed = c.str(99, "new_column_name");
                boolean modifies = c.args().stream().anyMatch(a -> a.keyword() != null
                        && !NOT_MODIFYING.contains(a.keyword()));
                List<SchemaChange> out = new ArrayList<>();
                if (renamed != null && !renamed.equals(col)) {
                    out.add(SchemaChange.of(Act.RENAME, Kind.COLUMN, t, col, shown).withNewName(renamed));
                }
                if (modifies || renamed == null) {
                    OpCall.Arg nullable = c.arg(99, "nullable");
                    out.add(SchemaChange.of(Act.ALTER, Kind.COLUMN, t, renamed != null ? renamed : col, shown)
                            .withCtype(nullable != null && "False".equals(nullable.text()) ? "notnull" : null));
                }
                yield out;
            }
            case "create_index" -> {
                String t = table(c, 1, "table_name");
                List<String> cols = new ArrayList<>();
                // plain columns, expressions (sa.text("lower(email)")) and a partial index's WHERE: dropping any
                // column they mention drops the index
                for (String item : b ? strings(c, 1, "columns") : strings(c, 2, "columns")) {
                    cols.addAll(IDENT.matcher(item).matches() ? List.of(item) : identifiers(item));
                }
                for (String where : new String[]{template(c, 99, "postgresql_where"), template(c, 99, "sqlite_where")}) {
                    cols.addAll(identifiers(where));
                }
                yield List.of(new SchemaChange(Act.CREATE, Kind.INDEX, t, named(c, n, "ix", t, cols, null), null,
                        cols, null, c.arg(99, "if_not_exists") != null
                        && "True".equals(c.arg(99, "if_not_exists").text()), shown, List.of()));
            }
            case "drop_index" -> List.of(SchemaChange.of(Act.DROP, Kind.INDEX, table(c, 1, "table_name"),
                    c.str(0, "index_name"), shown).withGuard(c.arg(99, "if_exists") != null
                    && "True".equals(c.arg(99, "if_exists").text())));
            case "create_foreign_key" -> {
                String t = table(c, 1, "source_table");
                List<String> cols = b ? strings(c, 2, "local_cols") : strings(c, 3, "local_cols");
                String referred = b ? c.str(1, "referent_table") : c.str(2, "referent_table");
                yield List.of(new SchemaChange(Act.CREATE, Kind.CONSTRAINT, t, named(c, n, "fk", t, cols, referred),
                        null, cols, "foreignkey", false, shown, List.of()));
            }
            case "create_unique_constraint" -> {
                String t = table(c, 1, "table_name");
                List<String> cols = b ? strings(c, 1, "columns") : strings(c, 2, "columns");
                yield List.of(new SchemaChange(Act.CREATE, Kind.CONSTRAINT, t, named(c, n, "uq", t, cols, null),
                        null, cols, "unique", false, shown, List.of()));
            }
            case "create_primary_key" -> {
                String t = table(c, 1, "table_name");
                List<String> cols = b ? strings(c, 1, "columns") : strings(c, 2, "columns");
                yield List.of(new SchemaChange(Act.CREATE, Kind.CONSTRAINT, t, named(c, n, "pk", t, cols, null),
                        null, cols, "primary", false, shown, List.of()));
            }
            case "create_check_constraint" -> {
                String t = table(c, 1, "table_name");
                yield List.of(new SchemaChange(Act.CREATE, Kind.CONSTRAINT, t, named(c, n, "ck", t, List.of(), null),
                        null, identifiers(template(c, b ? 1 : 2, "condition")), "check", false, shown, List.of()));
            }
            case "create_exclude_constraint" -> List.of(new SchemaChange(Act.CREATE, Kind.CONSTRAINT,
                    table(c, 1, "table_name"), c.str(0, "constraint_name"), null, List.of(), "exclude", false, shown,
                    List.of()));
            case "drop_constraint" -> {
                String type = b ? c.str(1, "type_") : c.str(2, "type_");
                String ctype = type == null ? null : type.toLowerCase(Locale.ROOT);
                String t = table(c, 1, "table_name");
                // Alembic builds a typed constraint only when type_ is given: only then does the convention apply
                String key = ctype == null ? null : switch (ctype) {
                    case "foreignkey" -> "fk";
                    case "unique" -> "uq";
                    case "check" -> "ck";
                    case "primary" -> "pk";
                    default -> null;
                };
                String name = c.str(0, "constraint_name");
                if (key != null && name != null) {
                    name = named(c, n, key, t, List.of(), null);
                }
                yield List.of(new SchemaChange(Act.DROP, Kind.CONSTRAINT, t, name, null, List.of(), ctype, false,
                        shown, List.of()));
            }
            case "sync_enum_values" -> List.of(SchemaChange.of(Act.ALTER, Kind.TYPE, null,
                    c.str(99, "enum_name"), shown));
            case "create_table_comment", "drop_table_comment" -> List.of();
            default -> List.of();
        };
    }

    // ---- the symbolic run ----

    private enum Start { PRESENT, ABSENT, UNKNOWN }

    /** One database object as the run knows it. */
    private static final class Obj {
        final Kind kind;
        String table;
        String name;
        List<String> columns;
        String ctype;
        Start start;
        boolean present;
        boolean judged;
        boolean replaced;
        boolean implicitlyGone;
        boolean temporary;
        Step blame;
        Step altered;
        String originName;
        String originTable;
        final int seq;

        Obj(Kind kind, String table, String name, List<String> columns, String ctype, int seq) {
            this.kind = kind;
            this.table = table;
            this.name = name;
            this.columns = new ArrayList<>(columns);
            this.ctype = ctype;
            this.originName = name;
            this.originTable = table;
            this.seq = seq;
        }

        boolean differs() {
            if (replaced || start == null) {
                return false;
            }
            return switch (start) {
                case ABSENT -> present;
                case PRESENT -> !present || !eqName(name, originName) || altered != null;
                case UNKNOWN -> present && altered != null;
            };
        }
    }

    /** Same name, allowing one side to leave the schema out. */
    private static boolean eqName(String a, String b) {
        return a == null ? b == null : b != null && sameTable(a, b);
    }

    private static String base(String t) {
        int dot = t.lastIndexOf('.');
        return dot < 0 ? t : t.substring(dot + 1);
    }

    /** Same table, allowing one side to leave the schema out; null matches any table. */
    private static boolean sameTable(String a, String b) {
        if (a == null || b == null) {
            return true;
        }
        if (a.equalsIgnoreCase(b)) {
            return true;
        }
        boolean qa = a.indexOf('.') >= 0;
        boolean qb = b.indexOf('.') >= 0;
        return qa != qb && base(a).equalsIgnoreCase(base(b));
    }

    private static boolean owned(Kind k) {
        return k == Kind.COLUMN || k == Kind.INDEX || k == Kind.CONSTRAINT || k == Kind.TRIGGER
                || k == Kind.ENUM_VALUE;
    }

    private static final class Run {
        final List<Obj> objs = new ArrayList<>();
        private final Map<String, List<Obj>> byName = new HashMap<>();
        private final Map<String, List<Obj>> byOrigin = new HashMap<>();
        private final Map<String, List<Obj>> byTable = new HashMap<>();
        private final Map<Kind, List<Obj>> unnamed = new EnumMap<>(Kind.class);
        private final Map<Kind, List<Obj>> byKind = new EnumMap<>(Kind.class);
        private final Map<Step, Object[]> touched = new java.util.IdentityHashMap<>();
        final Set<String> droppedColumnsUp = new HashSet<>();
        final Set<String> droppedTablesUp = new HashSet<>();
        int seq;

        private static String nameKey(Kind k, String name) {
            return k.ordinal() + ":" + base(name).toLowerCase(Locale.ROOT);
        }

        private static String tableKey(String table) {
            return base(table).toLowerCase(Locale.ROOT);
        }

        private static void remove(Map<String, List<Obj>> index, String key, Obj o) {
            List<Obj> l = index.get(key);
            if (l != null) {
                l.remove(o);
            }
        }

        private void setName(Obj o, String name) {
            if (o.name != null) {
                remove(byName, nameKey(o.kind, o.name), o);
            } else {
                unnamed.getOrDefault(o.kind, new ArrayList<>()).remove(o);
            }
            o.name = name;
            if (name != null) {
                byName.computeIfAbsent(nameKey(o.kind, name), x -> new ArrayList<>()).add(o);
            } else {
                unnamed.computeIfAbsent(o.kind, x -> new ArrayList<>()).add(o);
            }
        }

        private void setOrigin(Obj o, String origin) {
            if (o.originName != null) {
                remove(byOrigin, nameKey(o.kind, o.originName), o);
            }
            o.originName = origin;
            if (origin != null) {
                byOrigin.computeIfAbsent(nameKey(o.kind, origin), x -> new ArrayList<>()).add(o);
            }
        }

        private void setTable(Obj o, String table) {
            if (o.table != null) {
                remove(byTable, tableKey(o.table), o);
            }
            o.table = table;
            if (table != null) {
                byTable.computeIfAbsent(tableKey(table), x -> new ArrayList<>()).add(o);
            }
        }

        private List<Obj> children(String table) {
            return table == null ? List.of() : new ArrayList<>(byTable.getOrDefault(tableKey(table), List.of()));
        }

        Obj find(Kind k, String table, String name) {
            if (name == null) {
                return null;
            }
            List<Obj> l = byName.getOrDefault(nameKey(k, name), List.of());
            for (int i = l.size() - 1; i >= 0; i--) {
                Obj o = l.get(i);
                if (eqName(o.name, name) && (!owned(k) || sameTable(o.table, table))) {
                    return o;
                }
            }
            if (k == Kind.INDEX) {
                // PostgreSQL and SQLite name indexes per schema: DROP INDEX finds it whatever table_name says
                for (int i = l.size() - 1; i >= 0; i--) {
                    if (eqName(l.get(i).name, name)) {
                        return l.get(i);
                    }
                }
            }
            return null;
        }

        /** An object that existed before the upgrade under {@code name} and has since been renamed away. */
        Obj renamedAway(Kind k, String table, String name) {
            if (name == null) {
                return null;
            }
            List<Obj> l = byOrigin.getOrDefault(nameKey(k, name), List.of());
            for (int i = l.size() - 1; i >= 0; i--) {
                Obj o = l.get(i);
                if (!o.replaced && o.start == Start.PRESENT && !eqName(o.name, name)
                        && (!owned(k) || sameTable(o.table, table))) {
                    return o;
                }
            }
            return null;
        }

        /**
         * For a statement naming what it undoes by an expression (or undoing what the upgrade named by one): a
         * judged object of the same kind on the same table in the state the statement undoes.
         */
        Obj lenient(Kind k, String table, String name, String ctype, boolean wantPresent) {
            List<Obj> candidates = name != null ? unnamed.getOrDefault(k, List.of())
                    : owned(k) && table != null ? byTable.getOrDefault(tableKey(table), List.of())
                    : byKind.getOrDefault(k, List.of());
            String implied = ctype != null ? ctype : impliedType(name);
            for (Obj o : candidates) {
                if (o.kind != k || !o.judged || o.replaced || o.present != wantPresent
                        || (name != null && o.name != null) || !sameTable(o.table, table)
                        || (implied != null && o.ctype != null && !implied.equals(o.ctype))) {
                    continue;
                }
                if (wantPresent ? o.start == Start.ABSENT : o.start == Start.PRESENT) {
                    return o;
                }
            }
            return null;
        }

        /** The constraint type a conventional name prefix says ({@code fk_…}, {@code ck_…}), or null. */
        private static String impliedType(String name) {
            if (name == null) {
                return null;
            }
            String n = name.toLowerCase(Locale.ROOT);
            return n.startsWith("fk_") ? "foreignkey" : n.startsWith("ck_") ? "check" : n.startsWith("uq_") ? "unique"
                    : n.startsWith("pk_") ? "primary" : null;
        }

        Obj add(Kind k, String table, String name, List<String> columns, String ctype) {
            Obj o = new Obj(k, null, null, columns, ctype, seq++);
            o.originName = null;
            o.originTable = table;
            setName(o, name);
            setOrigin(o, name);
            if (owned(k)) {
                setTable(o, table);
            } else {
                o.table = table;
            }
            objs.add(o);
            byKind.computeIfAbsent(k, x -> new ArrayList<>()).add(o);
            return o;
        }

        void apply(Step s) {
            SchemaChange c = s.change();
            switch (c.act()) {
                case CREATE, REPLACE -> create(s);
                case DROP -> drop(s);
                case RENAME -> rename(s);
                case ALTER -> alter(s);
                case DATA -> data(s);
                default -> { }
            }
        }

        /** A redefinition of an existing object: pending after the upgrade, restored by the downgrade. */
        private static void redefine(Obj o, Step s) {
            if (o.kind == Kind.TABLE) {
                return; // a rebuilt table keeps its identity; its columns say what changed
            }
            if (s.up()) {
                if (o.start != Start.ABSENT && o.altered == null) {
                    o.altered = s;
                }
            } else {
                o.altered = null;
            }
        }

        private void create(Step s) {
            SchemaChange c = s.change();
            Kind k = c.kind();
            if (k == Kind.ROWS) {
                return;
            }
            Obj o = find(k, c.table(), c.name());
            if (o == null && !s.up()) {
                o = lenient(k, c.table(), c.name(), c.ctype(), false);
            }
            if (o != null) {
                boolean wasPresent = o.present;
                o.present = true;
                o.implicitlyGone = false;
                if (!c.columns().isEmpty() && k != Kind.TABLE) {
                    o.columns = new ArrayList<>(c.columns());
                }
                if (wasPresent || o.start != Start.ABSENT || c.act() == Act.REPLACE) {
                    redefine(o, s);
                }
                if (k == Kind.TABLE) {
                    columnsOf(o, c.columns());
                }
                return;
            }
            Obj away = k == Kind.TABLE ? renamedAway(k, c.table(), c.name()) : null;
            if (away != null) {
                // a table rebuilt under its old name (rename away, create, copy, drop): the columns it is created
                // with that the upgrade added to the old one are the same columns
                Obj b = add(k, c.table(), c.name(), c.columns(), c.ctype());
                b.start = Start.ABSENT;
                b.present = true;
                b.judged = s.up();
                b.blame = s.up() ? s : null;
                for (Obj child : children(away.name)) {
                    if (child.kind == Kind.COLUMN && c.columns().stream().anyMatch(x -> eqName(x, child.name))) {
                        setTable(child, b.name);
                        child.present = true;
                        child.implicitlyGone = false;
                    }
                }
                columnsOf(b, c.columns());
                return;
            }
            o = add(k, c.table(), c.name(), c.columns(), c.ctype());
            boolean unknownStart = c.guarded() && k != Kind.ENUM_VALUE || c.act() == Act.REPLACE;
            if ((k == Kind.INDEX || k == Kind.CONSTRAINT || k == Kind.TRIGGER) && s.up()) {
                // may re-create what went with a column or table the upgrade dropped before
                unknownStart |= c.table() != null && droppedTablesUp.contains(tableKey(c.table()));
                for (String col : c.columns()) {
                    if (droppedColumnsUp.contains(key(c.table(), col))) {
                        unknownStart = true;
                        break;
                    }
                }
            }
            o.start = unknownStart ? Start.UNKNOWN : Start.ABSENT;
            o.present = true;
            o.temporary = "temporary".equals(c.ctype());
            o.judged = s.up() && !o.temporary;
            o.blame = s.up() ? s : null;
            if (c.act() == Act.REPLACE && s.up()) {
                o.altered = s;
            }
            if (k == Kind.TABLE) {
                columnsOf(o, c.columns());
            }
        }

        /** The columns a table is created with: part of it, not judged on their own. */
        private void columnsOf(Obj table, List<String> cols) {
            for (String col : cols) {
                Obj existing = find(Kind.COLUMN, table.name, col);
                if (existing != null && existing.table != null && table.name != null
                        && tableKey(existing.table).equals(tableKey(table.name))) {
                    existing.present = true;
                    existing.implicitlyGone = false;
                    continue;
                }
                Obj o = add(Kind.COLUMN, table.name, col, List.of(), null);
                o.start = Start.ABSENT;
                o.present = true;
                o.judged = false;
            }
        }

        static String key(String table, String col) {
            return (table == null ? "?" : tableKey(table)) + "." + (col == null ? "?" : col.toLowerCase(Locale.ROOT));
        }

        private void drop(Step s) {
            SchemaChange c = s.change();
            Kind k = c.kind();
            if (k == Kind.ROWS) {
                return;
            }
            Obj o = find(k, c.table(), c.name());
            if (!s.up() && o != null && !o.present && c.name() != null) {
                Obj other = lenient(k, c.table(), c.name(), c.ctype(), true);
                if (other != null) {
                    o = other;
                }
            }
            if (o == null && !s.up()) {
                o = lenient(k, c.table(), c.name(), c.ctype(), true);
            }
            if (o != null) {
                if (o.present) {
                    o.present = false;
                    o.implicitlyGone = false;
                    if (s.up() && o.blame == null) {
                        o.blame = s;
                    }
                }
            } else {
                o = add(k, c.table(), c.name(), List.of(), c.ctype());
                o.start = c.guarded() ? Start.UNKNOWN : Start.PRESENT;
                o.present = false;
                o.judged = s.up();
                o.blame = s.up() ? s : null;
            }
            if (k == Kind.COLUMN && s.up()) {
                droppedColumnsUp.add(key(o.table != null ? o.table : c.table(), o.name));
            } else if (k == Kind.TABLE && s.up() && o.name != null) {
                droppedTablesUp.add(tableKey(o.name));
            }
            cascade(o);
        }

        /** What goes with a dropped object: a table's columns, indexes, constraints, triggers; a column's indexes. */
        private void cascade(Obj o) {
            if (o.name == null) {
                return;
            }
            List<Obj> candidates = switch (o.kind) {
                case TABLE, TYPE -> children(o.name);
                case COLUMN -> children(o.table);
                default -> List.of();
            };
            for (Obj x : candidates) {
                if (x == o || !x.present) {
                    continue;
                }
                boolean gone = switch (o.kind) {
                    case TABLE -> x.kind != Kind.ENUM_VALUE && sameTable(x.table, o.name);
                    case COLUMN -> (x.kind == Kind.INDEX || x.kind == Kind.CONSTRAINT) && sameTable(x.table, o.table)
                            && x.columns.stream().anyMatch(col -> col.equalsIgnoreCase(o.name));
                    case TYPE -> x.kind == Kind.ENUM_VALUE && eqName(x.table, o.name);
                    default -> false;
                };
                if (gone) {
                    x.present = false;
                    x.implicitlyGone = true;
                }
            }
        }

        private void rename(Step s) {
            SchemaChange c = s.change();
            Kind k = c.kind();
            Obj o = find(k, c.table(), c.name());
            if ((o == null || !o.present) && c.name() == null && !s.up()) {
                o = lenient(k, c.table(), null, null, true);
            }
            if (o == null) {
                o = add(k, c.table(), c.name(), List.of(), null);
                o.start = Start.PRESENT;
                o.present = true;
                o.judged = s.up();
            }
            String from = o.name;
            Obj target = find(k, c.table(), c.newName());
            if (target != null && target != o && !target.present && target.start == Start.PRESENT
                    && o.start == Start.ABSENT) {
                // a new object takes the place of a dropped one: the old one, redefined
                target.replaced = true;
                o.start = Start.PRESENT;
                setOrigin(o, target.originName);
                o.originTable = target.originTable;
                o.judged = o.judged || target.judged;
                o.blame = target.blame != null ? target.blame : s.up() ? s : null;
                setName(o, c.newName());
                o.altered = s.up() ? s : null;
            } else {
                setName(o, c.newName());
                if (s.up() && o.blame == null && o.start == Start.PRESENT) {
                    o.blame = s;
                }
            }
            if (from == null) {
                return;
            }
            if (k == Kind.TABLE || k == Kind.TYPE) {
                for (Obj x : children(from)) {
                    if (eqName(x.table, from) && (k == Kind.TYPE) == (x.kind == Kind.ENUM_VALUE)) {
                        setTable(x, c.newName());
                    }
                }
            } else if (k == Kind.COLUMN) {
                for (Obj x : children(o.table)) {
                    if (x.kind == Kind.INDEX || x.kind == Kind.CONSTRAINT) {
                        for (int i = 0; i < x.columns.size(); i++) {
                            if (x.columns.get(i).equalsIgnoreCase(from)) {
                                x.columns.set(i, c.newName() == null ? "?" : c.newName());
                            }
                        }
                    }
                }
            }
        }

        private void alter(Step s) {
            SchemaChange c = s.change();
            Kind k = c.kind();
            Obj o = find(k, c.table(), c.name());
            if (o == null && !s.up()) {
                List<Obj> candidates = owned(k) && c.table() != null ? children(c.table())
                        : byKind.getOrDefault(k, List.of());
                for (Obj x : candidates) {
                    if (x.kind == k && x.altered != null && (c.name() == null || x.name == null)
                            && sameTable(x.table, c.table())) {
                        o = x;
                        break;
                    }
                }
            }
            if (o == null) {
                o = add(k, c.table(), c.name(), List.of(), null);
                o.start = Start.PRESENT;
                o.present = true;
                o.judged = s.up();
            }
            if (s.up()) {
                if (o.start != Start.ABSENT && o.altered == null) {
                    o.altered = s;
                }
            } else {
                o.altered = null;
                if (k == Kind.TYPE && o.name != null) {
                    // the downgrade rebuilds the type: values the upgrade added are gone again
                    for (Obj x : children(o.name)) {
                        if (x.kind == Kind.ENUM_VALUE && x.present && x.start == Start.ABSENT
                                && eqName(x.table, o.name)) {
                            x.present = false;
                        }
                    }
                }
            }
        }

        /** Remembers which table and column objects a data change touched when it ran. */
        private void data(Step s) {
            SchemaChange c = s.change();
            Obj table = c.table() == null ? null : find(Kind.TABLE, null, c.table());
            List<Obj> cols = new ArrayList<>();
            for (String col : c.columns()) {
                cols.add(find(Kind.COLUMN, c.table(), col));
            }
            List<Obj> sources = new ArrayList<>();
            for (String src : c.sources()) {
                sources.add(find(Kind.TABLE, null, src));
            }
            touched.put(s, new Object[]{table, cols, sources});
        }

        /** Whether an object of this kind existed under {@code name} before the upgrade (or may have). */
        private boolean startedAs(Kind k, String table, String name) {
            if (name == null) {
                return false;
            }
            for (Obj x : byOrigin.getOrDefault(nameKey(k, name), List.of())) {
                if (x.start != Start.ABSENT && eqName(x.originName, name)
                        && (!owned(k) || sameTable(x.originTable, table) || sameTable(x.table, table))) {
                    return true;
                }
            }
            return false;
        }

        /** Whether an object of this kind exists under {@code name} now. */
        private boolean existsAs(Kind k, String table, String name) {
            if (name == null) {
                return false;
            }
            for (Obj x : byName.getOrDefault(nameKey(k, name), List.of())) {
                if (x.present && eqName(x.name, name) && (!owned(k) || sameTable(x.table, table))) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The upgrade changes left after the downgrade. Existence is judged by name, as the database sees it: an
         * object created under the name of one that existed before (a rebuilt table) is no new object, and one
         * dropped whose name is held again at the end (rebuilt, or renamed back) is no loss.
         */
        List<Gap> gaps(Set<String> namedByCalls) {
            List<Object[]> found = new ArrayList<>();
            for (Obj o : objs) {
                if (!o.judged || o.replaced || !o.differs()) {
                    continue;
                }
                if (o.implicitlyGone && o.start != Start.ABSENT) {
                    continue; // gone with its table or column, which is reported itself
                }
                if (owned(o.kind) && parentSettled(o)) {
                    continue;
                }
                if (o.start == Start.ABSENT && o.present && startedAs(o.kind, o.table, o.name)) {
                    continue;
                }
                if (o.start == Start.PRESENT && !o.present && existsAs(o.kind, o.table, o.originName)) {
                    continue;
                }
                if ((o.name != null && namedByCalls.contains(o.name.toLowerCase(Locale.ROOT)))
                        || (o.kind == Kind.ENUM_VALUE && o.table != null
                        && (namedByCalls.contains(o.table.toLowerCase(Locale.ROOT))
                        || namedByCalls.contains(base(o.table).toLowerCase(Locale.ROOT))))) {
                    continue; // code from elsewhere that the downgrade calls with this name may undo it
                }
                Step blame = o.start == Start.PRESENT && o.present && eqName(o.name, o.originName) ? o.altered
                        : o.start == Start.UNKNOWN ? o.altered : o.blame;
                if (blame == null) {
                    blame = o.blame != null ? o.blame : o.altered;
                }
                if (blame == null || !blame.up()) {
                    continue;
                }
                found.add(new Object[]{blame.seq(), o.seq, describe(o, blame)});
            }
            found.sort((a, b) -> ((Integer) a[0]).equals(b[0]) ? Integer.compare((Integer) a[1], (Integer) b[1])
                    : Integer.compare((Integer) a[0], (Integer) b[0]));
            List<Gap> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Object[] f : found) {
                Gap g = (Gap) f[2];
                if (seen.add(g.op().line() + "|" + g.key())) {
                    out.add(g);
                }
            }
            return out;
        }

        /** The owning table (or type) is gone, or is itself a change the downgrade leaves: nothing to say of parts. */
        private boolean parentSettled(Obj o) {
            if (o.table == null) {
                return false;
            }
            Kind parentKind = o.kind == Kind.ENUM_VALUE ? Kind.TYPE : Kind.TABLE;
            Obj parent = find(parentKind, null, o.table);
            if (parent == null && parentKind == Kind.TABLE) {
                List<Obj> named = byName.getOrDefault(nameKey(Kind.TABLE, base(o.table)), List.of());
                for (Obj x : named) {
                    if (sameTable(x.name, o.table)) {
                        parent = x;
                    }
                }
            }
            if (parent == null) {
                return false;
            }
            return !parent.present || parent.temporary || (parent.judged && parent.start == Start.ABSENT
                    && !startedAs(parent.kind, null, parent.name)); // a new table: reported itself
        }

        List<DataGap> dataGaps(List<Step> ups, List<Step> downs) {
            List<DataGap> out = new ArrayList<>();
            Set<String> seen = new HashSet<>(); // a helper called many times is one statement in the file
            List<Step> rules = new ArrayList<>();
            for (Step u : ups) {
                if (isRule(u)) {
                    rules.add(u);
                }
            }
            boolean downUnknown = false;
            boolean downData = false;
            boolean downDataAnyTable = false;
            Set<String> downTables = new HashSet<>();
            for (Step d : downs) {
                SchemaChange c = d.change();
                if (c.act() == Act.UNKNOWN) {
                    downUnknown = true;
                } else if (c.act() == Act.DATA) {
                    downData = true;
                    if (c.table() == null) {
                        downDataAnyTable = true;
                    } else {
                        downTables.add(tableKey(c.table()));
                    }
                }
            }
            for (Step s : ups) {
                SchemaChange c = s.change();
                if (c.act() == Act.UNKNOWN) {
                    if (!downUnknown && !downData && seen.add(s.call().line() + "|" + shown(s))) {
                        out.add(new DataGap(s.call(), shown(s), true, false, null, null, List.of(), false, false,
                                false, false));
                    }
                    continue;
                }
                if (c.act() != Act.DATA) {
                    continue;
                }
                if (downUnknown || downDataAnyTable || (downData && (c.table() == null
                        || downTables.contains(tableKey(c.table()))))) {
                    continue;
                }
                if (moot(s)) {
                    continue;
                }
                boolean conforms = conforms(s, rules);
                String shown = shown(s);
                if (seen.add(s.call().line() + "|" + shown)) {
                    out.add(new DataGap(s.call(), shown, false, destructive(s), c.name(), c.table(), c.columns(),
                            "fill".equals(c.ctype()), "cleanup".equals(c.ctype()) || conforms, c.guarded(),
                            "rewrite".equals(c.ctype()) && !conforms));
                }
            }
            return out;
        }

        /**
         * An UPDATE or DELETE that makes the rows fit a rule the same upgrade adds after it: a constraint or unique
         * index on the table (on the columns set, for an UPDATE), or NOT NULL on a column set. The rows it changes
         * are the ones the new schema forbids.
         */
        /** A constraint, a unique index, or NOT NULL: a rule rows must fit. */
        private static boolean isRule(Step later) {
            SchemaChange x = later.change();
            boolean rule = (x.act() == Act.CREATE || x.act() == Act.REPLACE)
                    && (x.kind() == Kind.CONSTRAINT || (x.kind() == Kind.INDEX && "unique".equals(x.ctype())
                    || x.kind() == Kind.INDEX && later.call().arg(99, "unique") != null
                    && "True".equals(later.call().arg(99, "unique").text())));
            return rule || x.act() == Act.ALTER && x.kind() == Kind.COLUMN && "notnull".equals(x.ctype());
        }

        private static boolean conforms(Step s, List<Step> rules) {
            SchemaChange c = s.change();
            if (!("UPDATE".equals(c.name()) || "DELETE".equals(c.name()))) {
                return false;
            }
            boolean update = "UPDATE".equals(c.name());
            for (Step later : rules) {
                if (later.seq() <= s.seq()) {
                    continue;
                }
                SchemaChange x = later.change();
                if (x.table() == null || (c.table() != null && !sameTable(x.table(), c.table()))) {
                    continue; // a table named at run time matches by the columns a rule covers
                }
                boolean notNull = x.act() == Act.ALTER;
                if (!update) {
                    return true;
                }
                List<String> touched = notNull ? List.of(String.valueOf(x.name())) : x.columns();
                for (String col : c.columns()) {
                    if (touched.stream().anyMatch(t -> t.equalsIgnoreCase(col))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Deletes rows or overwrites values that existed before the upgrade. */
        @SuppressWarnings("unchecked")
        private boolean destructive(Step s) {
            Object[] t = touched.get(s);
            String verb = s.change().name();
            if (t == null || verb == null || verb.equals("INSERT") || verb.equals("COPY")) {
                return false;
            }
            Obj table = (Obj) t[0];
            boolean newTable = table != null && table.start == Start.ABSENT;
            if (verb.equals("UPDATE")) {
                List<Obj> cols = (List<Obj>) t[1];
                return !newTable && (cols.isEmpty() || cols.stream().anyMatch(o -> o == null
                        || o.start != Start.ABSENT));
            }
            return !newTable;
        }

        @SuppressWarnings("unchecked")
        private boolean moot(Step s) {
            Object[] t = touched.get(s);
            if (t == null) {
                return false;
            }
            Obj table = (Obj) t[0];
            List<Obj> cols = (List<Obj>) t[1];
            List<Obj> sources = (List<Obj>) t[2];
            if (table != null && table.start == Start.ABSENT && !table.present) {
                return true; // rows of a table the downgrade drops again
            }
            if (!cols.isEmpty() && cols.stream().allMatch(o -> o != null && !o.present)) {
                return true; // values of columns the downgrade drops
            }
            return table != null && table.present && !sources.isEmpty()
                    && sources.stream().allMatch(o -> o != null && !o.present); // copied into a rebuilt table
        }
    }

    private static String shown(Step s) {
        SchemaChange c = s.change();
        if (s.call().name().equals("bulk_insert")) {
            return c.shown();
        }
        if (c.act() == Act.UNKNOWN) {
            return "op.execute(" + (c.shown() == null || c.shown().isEmpty() ? "…" : c.shown() + " …") + ")";
        }
        return "op.execute(" + c.shown() + " …)";
    }

    private static String q(String s) {
        return s == null ? "<expression>" : s;
    }

    private static Gap describe(Obj o, Step blame) {
        SchemaChange c = blame.change();
        OpCall call = blame.call();
        boolean sql = call.effects() != null;
        String via = sql ? "op.execute: " + c.shown() : (call.isBatch() ? "batch_op." : "op.") + call.name();
        // where the object is now when it is left behind, where it was when it is missing
        String t = q(o.present && o.table != null ? o.table : o.originTable != null ? o.originTable : c.table());
        String n = q(o.originName);
        String op = call.name();
        boolean replacedOnto = o.start == Start.PRESENT && o.present && eqName(o.name, o.originName)
                && o.altered == blame && (c.act() == Act.RENAME || c.act() == Act.CREATE);
        if (o.start == Start.ABSENT) {
            return switch (o.kind) {
                case TABLE -> Gap.of(call, Text.of("model.gap.createTable", n), via,
                        Text.of("model.gap.neverDrops", "op.drop_table"), sql ? "sql:create_table:" + n : op + ":" + n,
                        false);
                case COLUMN -> Gap.of(call, Text.of("model.gap.addColumn", t + "." + n), via,
                        Text.of("model.gap.neverDrops", "op.drop_column"), sql ? "sql:add_column:" + t + "." + n
                        : op + ":" + t + "." + n, false);
                case INDEX -> Gap.of(call, Text.of("model.gap.createIndex", n, t), via,
                        Text.of("model.gap.neverDrops", "op.drop_index"), sql ? "sql:create_index:" + n : op + ":" + n,
                        false);
                case CONSTRAINT -> Gap.of(call, o.ctype == null
                                ? Text.of("model.gap.createConstraint", o.originName == null ? "(unnamed)" : o.originName, t)
                                : Text.of("model.gap.createTypedConstraint", o.ctype.replace("foreignkey", "foreign key"),
                                o.originName == null ? "(unnamed)" : o.originName, t), via,
                        Text.of("model.gap.neverDrops", "op.drop_constraint"),
                        (sql ? "sql:" : "") + op + ":" + t + "." + n, false);
                case ENUM_VALUE -> Gap.of(call, Text.of("model.gap.addEnumValue", n, t), via,
                        Text.of("model.gap.enumValueStays"), "enum_value:" + t + "." + n, true);
                default -> Gap.of(call, Text.of("model.gap.createObject", o.kind.wordText(), n), via,
                        Text.of("model.gap.neverDropsIt"), "sql:create_" + o.kind.name().toLowerCase(Locale.ROOT) + ":" + n,
                        false);
            };
        }
        if (o.start == Start.PRESENT && !o.present) {
            return switch (o.kind) {
                case TABLE -> Gap.of(call, Text.of("model.gap.dropTable", n), via,
                        Text.of("model.gap.neverRecreates", "op.create_table"), sql ? "sql:drop_table:" + n : op + ":" + n,
                        false);
                case COLUMN -> Gap.of(call, Text.of("model.gap.dropColumn", t + "." + n), via,
                        Text.of("model.gap.neverReAdds", "op.add_column"), sql ? "sql:drop_column:" + t + "." + n
                        : op + ":" + t + "." + n, false);
                case INDEX -> Gap.of(call, Text.of("model.gap.dropIndex", n), via,
                        Text.of("model.gap.neverRecreates", "op.create_index"), sql ? "sql:drop_index:" + n : op + ":" + n,
                        false);
                case CONSTRAINT -> Gap.of(call, Text.of("model.gap.dropConstraint", n, t), via,
                        Text.of("model.gap.neverRecreatesIt"), (sql ? "sql:" : "") + op + ":" + t + "." + n, false);
                default -> Gap.of(call, Text.of("model.gap.dropObject", o.kind.wordText(), n), via,
                        Text.of("model.gap.neverRecreatesIt"), "sql:drop_" + o.kind.name().toLowerCase(Locale.ROOT) + ":" + n,
                        false);
            };
        }
        if (o.present && !eqName(o.name, o.originName)) {
            String to = q(o.name);
            return switch (o.kind) {
                case TABLE -> Gap.of(call, Text.of("model.gap.renameTable", n, to), via,
                        Text.of("model.gap.neverRenamesBackCall", "op.rename_table(\"" + to + "\", \"" + n + "\")"),
                        (sql ? "sql:" : "") + "rename_table:" + n + ">" + to, false);
                case COLUMN -> Gap.of(call, Text.of("model.gap.renameColumn", t + "." + n, to), via,
                        Text.of("model.gap.neverRenamesBack"), (sql ? "sql:" : "") + "rename_column:" + t + "." + n + ">" + to,
                        false);
                default -> Gap.of(call, Text.of("model.gap.renameObject", o.kind.wordText(), n, to), via,
                        Text.of("model.gap.neverRenamesBack"), "rename_" + o.kind.name().toLowerCase(Locale.ROOT) + ":" + n
                        + ">" + to, false);
            };
        }
        // present under its old name but altered: redefined, replaced, or altered in place
        if (replacedOnto && o.kind == Kind.COLUMN) {
            return Gap.of(call, Text.of("model.gap.replaceColumn", t + "." + n), via,
                    Text.of("model.gap.neverRestoresPrevious"), "replace_column:" + t + "." + n, false);
        }
        return switch (o.kind) {
            case COLUMN -> Gap.of(call, Text.of("model.gap.alterColumn", t + "." + n), via,
                    Text.of("model.gap.neverAltersBackCall", "op.alter_column"),
                    (sql ? "sql:" : "") + "alter_column:" + t + "." + n, false);
            case CONSTRAINT -> Gap.of(call, Text.of("model.gap.redefineConstraint", n, t), via,
                    Text.of("model.gap.neverRestoresDefinition"), (sql ? "sql:" : "") + "redefine_constraint:" + t + "."
                    + n, false);
            case INDEX -> Gap.of(call, Text.of("model.gap.redefineIndex", n), via,
                    Text.of("model.gap.neverRestoresDefinition"), (sql ? "sql:" : "") + "redefine_index:" + n, false);
            case TABLE -> Gap.of(call, Text.of("model.gap.alterTable", n), via, Text.of("model.gap.neverAltersBack"),
                    (sql ? "sql:" : "") + "alter_table:" + n, false);
            default -> Gap.of(call, Text.of(c.act() == Act.REPLACE ? "model.gap.defineObject" : "model.gap.alterObject",
                            o.kind.wordText(), n), via,
                    Text.of(c.act() == Act.REPLACE ? "model.gap.neitherDropsNorRestores" : "model.gap.neverRestoresIt"),
                    "sql:alter_" + o.kind.name().toLowerCase(Locale.ROOT) + ":" + n, false);
        };
    }
}
