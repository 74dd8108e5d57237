package io.samokoder.model.migrations;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pairs the operations of {@code upgrade()} with the ones of {@code downgrade()} that reverse them, by operation and
 * object name: create_table↔drop_table, add_column↔drop_column, create_index↔drop_index,
 * create_foreign_key/create_unique_constraint/create_check_constraint/create_primary_key↔drop_constraint,
 * rename_table(a, b)↔rename_table(b, a), alter_column↔alter_column. A {@code drop_table} in the downgrade also undoes
 * every column, index and constraint change on that table. Names that are not literals match any name.
 */
public final class DowngradeAnalysis {

    /** An upgrade operation and what it does to which object, in words. */
    public record Gap(OpCall op, String does, String missing, String key) {
    }

    /** An upgrade data change (op.execute / bulk_insert) with no counterpart, and its short description. */
    public record DataGap(OpCall op, String what) {
    }

    private record Norm(String op, String table, String name, String name2, String ctype, OpCall call) {
    }

    private DowngradeAnalysis() {
    }

    public static List<Gap> unreversed(AlembicModule.Function up, AlembicModule.Function down) {
        List<Norm> ups = new ArrayList<>();
        for (OpCall c : up.ops()) {
            Norm n = norm(c);
            if (n != null) {
                ups.add(n);
            }
        }
        List<Norm> downs = new ArrayList<>();
        for (OpCall c : down.ops()) {
            Norm n = norm(c);
            if (n != null) {
                downs.add(n);
            }
        }
        boolean[] used = new boolean[downs.size()];
        // strict matches through a hash index, lenient ones only among operations of the wanted kind
        Map<String, ArrayDeque<Integer>> strict = new HashMap<>();
        Map<String, List<Integer>> byOp = new HashMap<>();
        Set<String> droppedTables = new HashSet<>();
        for (int i = 0; i < downs.size(); i++) {
            Norm d = downs.get(i);
            strict.computeIfAbsent(strictKey(d), k -> new ArrayDeque<>()).add(i);
            byOp.computeIfAbsent(d.op(), k -> new ArrayList<>()).add(i);
            if (d.op().equals("drop_table") && d.table() != null) {
                droppedTables.add(d.table());
            }
        }
        List<Gap> gaps = new ArrayList<>();
        for (Norm u : ups) {
            int hit = -1;
            ArrayDeque<Integer> exact = strict.get(wantedKey(u));
            while (exact != null && !exact.isEmpty()) {
                int i = exact.poll();
                if (!used[i] && reverses(u, downs.get(i), true)) {
                    hit = i;
                    break;
                }
            }
            if (hit < 0) {
                for (String op : wantedOps(u)) {
                    for (int i : byOp.getOrDefault(op, List.of())) {
                        if (!used[i] && reverses(u, downs.get(i), false)) {
                            hit = i;
                            break;
                        }
                    }
                    if (hit >= 0) {
                        break;
                    }
                }
            }
            if (hit >= 0) {
                used[hit] = true;
                continue;
            }
            if (u.table() != null && !u.op().equals("rename_table") && !u.op().startsWith("drop_")
                    && droppedTables.contains(u.table())) {
                continue;
            }
            gaps.add(describe(u));
        }
        return gaps;
    }

    private static final List<String> CONSTRAINT_CREATES = List.of("create_foreign_key", "create_unique_constraint",
            "create_check_constraint", "create_primary_key");

    private static List<String> wantedOps(Norm u) {
        return switch (u.op()) {
            case "create_table" -> List.of("drop_table");
            case "drop_table" -> List.of("create_table");
            case "add_column" -> List.of("drop_column");
            case "drop_column" -> List.of("add_column");
            case "create_index" -> List.of("drop_index");
            case "drop_index" -> List.of("create_index");
            case "create_foreign_key", "create_unique_constraint", "create_check_constraint",
                    "create_primary_key" -> List.of("drop_constraint");
            case "drop_constraint" -> CONSTRAINT_CREATES;
            case "rename_table" -> List.of("rename_table");
            case "alter_column" -> List.of("alter_column");
            default -> List.of();
        };
    }

    /** The strict key a reversing operation of {@code u} would have. */
    private static String wantedKey(Norm u) {
        List<String> ops = wantedOps(u);
        String op = ops.isEmpty() ? "" : ops.get(0);
        return switch (u.op()) {
            case "create_table", "drop_table" -> op + "|" + u.table();
            case "add_column", "drop_column" -> op + "|" + u.table() + "|" + u.name();
            case "create_index", "drop_index" -> op + "||" + u.name();
            case "rename_table" -> op + "|" + u.name2() + "|" + u.table();
            case "alter_column" -> op + "|" + u.table() + "|" + (u.name2() != null ? u.name2() : u.name());
            case "drop_constraint" -> "create_constraint|" + u.name();
            default -> op + "|" + u.name();
        };
    }

    private static String strictKey(Norm d) {
        return switch (d.op()) {
            case "create_table", "drop_table" -> d.op() + "|" + d.table();
            case "add_column", "drop_column" -> d.op() + "|" + d.table() + "|" + d.name();
            case "create_index", "drop_index" -> d.op() + "||" + d.name();
            case "rename_table" -> d.op() + "|" + d.table() + "|" + d.name2();
            case "alter_column" -> d.op() + "|" + d.table() + "|" + d.name();
            case "create_foreign_key", "create_unique_constraint", "create_check_constraint",
                    "create_primary_key" -> "create_constraint|" + d.name();
            default -> d.op() + "|" + d.name();
        };
    }

    private static boolean eq(String a, String b, boolean strict) {
        if (a == null || b == null) {
            return !strict;
        }
        return a.equals(b);
    }

    /** Whether {@code d} (a downgrade operation) undoes {@code u}. */
    private static boolean reverses(Norm u, Norm d, boolean strict) {
        String want = switch (u.op()) {
            case "create_table" -> "drop_table";
            case "drop_table" -> "create_table";
            case "add_column" -> "drop_column";
            case "drop_column" -> "add_column";
            case "create_index" -> "drop_index";
            case "drop_index" -> "create_index";
            case "create_foreign_key", "create_unique_constraint", "create_check_constraint",
                    "create_primary_key" -> "drop_constraint";
            case "drop_constraint" -> "create_constraint";
            case "rename_table" -> "rename_table";
            case "alter_column" -> "alter_column";
            default -> null;
        };
        if (want == null) {
            return false;
        }
        boolean opOk = want.equals("create_constraint") ? d.ctype() != null && d.op().startsWith("create_")
                && !d.op().equals("create_table") && !d.op().equals("create_index") : d.op().equals(want);
        if (!opOk) {
            return false;
        }
        return switch (u.op()) {
            case "create_table", "drop_table" -> eq(u.table(), d.table(), strict);
            case "add_column", "drop_column" -> eq(u.table(), d.table(), strict) && eq(u.name(), d.name(), strict);
            case "create_index", "drop_index" -> eq(u.name(), d.name(), strict)
                    && (u.table() == null || d.table() == null || u.table().equals(d.table()));
            case "create_foreign_key", "create_unique_constraint", "create_check_constraint", "create_primary_key",
                    "drop_constraint" -> {
                boolean typeOk = u.ctype() == null || d.ctype() == null || u.ctype().equals(d.ctype());
                boolean tableOk = u.table() == null || d.table() == null || u.table().equals(d.table());
                if (u.name() == null || d.name() == null) {
                    yield !strict && typeOk && tableOk;
                }
                yield u.name().equals(d.name()) && tableOk && typeOk;
            }
            case "rename_table" -> eq(u.table(), d.name2(), strict) && eq(u.name2(), d.table(), strict);
            case "alter_column" -> eq(u.table(), d.table(), strict)
                    && eq(u.name2() != null ? u.name2() : u.name(), d.name(), strict);
            default -> false;
        };
    }

    private static String table(OpCall c, int index, String keyword) {
        String t = c.isBatch() ? c.batchTable() : c.str(index, keyword);
        return "?".equals(t) ? null : t;
    }

    private static Norm norm(OpCall c) {
        boolean b = c.isBatch();
        return switch (c.name()) {
            case "create_table", "drop_table" -> new Norm(c.name(), c.str(0, "table_name"), null, null, null, c);
            case "add_column" -> {
                OpCall.Arg col = b ? c.arg(0, "column") : c.arg(1, "column");
                yield new Norm(c.name(), table(c, 0, "table_name"), col == null ? null : col.callFirstStr(), null,
                        null, c);
            }
            case "drop_column" -> new Norm(c.name(), table(c, 0, "table_name"),
                    b ? c.str(0, "column_name") : c.str(1, "column_name"), null, null, c);
            case "create_index", "drop_index" -> new Norm(c.name(), table(c, 1, "table_name"),
                    c.str(0, "index_name"), null, null, c);
            case "create_foreign_key" -> new Norm(c.name(), table(c, 1, "source_table"), c.str(0, "constraint_name"),
                    null, "foreignkey", c);
            case "create_unique_constraint" -> new Norm(c.name(), table(c, 1, "table_name"),
                    c.str(0, "constraint_name"), null, "unique", c);
            case "create_check_constraint" -> new Norm(c.name(), table(c, 1, "table_name"),
                    c.str(0, "constraint_name"), null, "check", c);
            case "create_primary_key" -> new Norm(c.name(), table(c, 1, "table_name"), c.str(0, "constraint_name"),
                    null, "primary", c);
            case "drop_constraint" -> {
                String type = b ? c.str(99, "type_") : c.str(2, "type_");
                yield new Norm(c.name(), table(c, 1, "table_name"), c.str(0, "constraint_name"), null,
                        type == null ? null : type.toLowerCase(Locale.ROOT), c);
            }
            case "rename_table" -> new Norm(c.name(), c.str(0, "old_table_name"), null,
                    c.str(1, "new_table_name"), null, c);
            case "alter_column" -> new Norm(c.name(), table(c, 0, "table_name"),
                    b ? c.str(0, "column_name") : c.str(1, "column_name"), c.str(99, "new_column_name"), null, c);
            default -> null;
        };
    }

    private static String q(String s) {
        return s == null ? "<expression>" : s;
    }

    private static Gap describe(Norm u) {
        String t = q(u.table());
        String n = q(u.name());
        String prefix = u.call().isBatch() ? "batch_op." : "op.";
        String call = prefix + u.op();
        return switch (u.op()) {
            case "create_table" -> new Gap(u.call(), "creates table " + t + " (" + call + ")",
                    "never drops it (op.drop_table)", u.op() + ":" + t);
            case "drop_table" -> new Gap(u.call(), "drops table " + t + " (" + call + ")",
                    "never recreates it (op.create_table)", u.op() + ":" + t);
            case "add_column" -> new Gap(u.call(), "adds column " + t + "." + n + " (" + call + ")",
                    "never drops it (op.drop_column)", u.op() + ":" + t + "." + n);
            case "drop_column" -> new Gap(u.call(), "drops column " + t + "." + n + " (" + call + ")",
                    "never re-adds it (op.add_column)", u.op() + ":" + t + "." + n);
            case "create_index" -> new Gap(u.call(), "creates index " + n + " on " + t + " (" + call + ")",
                    "never drops it (op.drop_index)", u.op() + ":" + n);
            case "drop_index" -> new Gap(u.call(), "drops index " + n + " (" + call + ")",
                    "never recreates it (op.create_index)", u.op() + ":" + n);
            case "drop_constraint" -> new Gap(u.call(), "drops constraint " + n + " on " + t + " (" + call + ")",
                    "never recreates it", u.op() + ":" + t + "." + n);
            case "rename_table" -> new Gap(u.call(), "renames table " + t + " to " + q(u.name2()) + " (" + call + ")",
                    "never renames it back (op.rename_table(\"" + q(u.name2()) + "\", \"" + t + "\"))",
                    u.op() + ":" + t + ">" + q(u.name2()));
            case "alter_column" -> new Gap(u.call(), "alters column " + t + "." + n + " (" + call + ")",
                    "never alters it back (op.alter_column)", u.op() + ":" + t + "." + n);
            default -> new Gap(u.call(), "creates " + u.ctype().replace("foreignkey", "foreign key")
                    + " constraint " + (u.name() == null ? "(unnamed)" : u.name()) + " on " + t + " (" + call + ")",
                    "never drops it (op.drop_constraint)", u.op() + ":" + t + "." + n);
        };
    }

    // ---- data changes ----

    private static final Pattern UPDATE = Pattern.compile(
            "\\s*+UPDATE\\s++(?:ONLY\\s++)?([\\w.\"`\\[\\]]++)\\s++SET\\s++([\\w\"`\\[\\]]++)", Pattern.CASE_INSENSITIVE);
    private static final Pattern INSERT = Pattern.compile("\\s*+INSERT\\s++INTO\\s++([\\w.\"`\\[\\]]++)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DELETE = Pattern.compile("\\s*+DELETE\\s++FROM\\s++([\\w.\"`\\[\\]]++)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VERB = Pattern.compile("\\s*+([A-Za-z]++)");

    static boolean isDataChange(OpCall c) {
        return c.name().equals("execute") || c.name().equals("bulk_insert");
    }

    /** Upgrade data changes that the downgrade neither undoes with its own data change nor makes moot by dropping. */
    public static List<DataGap> unreversedData(AlembicModule.Function up, AlembicModule.Function down) {
        List<DataGap> out = new ArrayList<>();
        List<OpCall> downOps = down == null ? List.of() : down.ops();
        if (downOps.stream().anyMatch(DowngradeAnalysis::isDataChange)) {
            return out;
        }
        Set<String> created = new HashSet<>();
        Set<String> added = new HashSet<>();
        for (OpCall o : up.ops()) {
            Norm n = norm(o);
            if (n != null && n.op().equals("create_table") && n.table() != null) {
                created.add(n.table());
            } else if (n != null && n.op().equals("add_column") && n.table() != null && n.name() != null) {
                added.add(n.table() + "." + n.name());
            }
        }
        Set<String> dropped = new HashSet<>();
        Set<String> droppedColumns = new HashSet<>();
        for (OpCall o : downOps) {
            Norm n = norm(o);
            if (n != null && n.op().equals("drop_table") && n.table() != null) {
                dropped.add(n.table());
            } else if (n != null && n.op().equals("drop_column") && n.table() != null && n.name() != null) {
                droppedColumns.add(n.table() + "." + n.name());
            }
        }
        for (OpCall c : up.ops()) {
            if (!isDataChange(c)) {
                continue;
            }
            String table = null;
            String column = null;
            String what;
            if (c.name().equals("bulk_insert")) {
                OpCall.Arg a = c.arg(0, "table");
                if (a != null && a.callName() != null
                        && (a.callName().equals("table") || a.callName().equals("Table"))) {
                    table = a.callFirstStr();
                }
                what = "op.bulk_insert into " + (table == null ? "a table" : table);
            } else {
                String sql = c.str(0, "sqltext");
                String shown = "op.execute(…)";
                if (sql != null) {
                    String head = sql.length() > 2000 ? sql.substring(0, 2000) : sql;
                    Matcher m;
                    if ((m = UPDATE.matcher(head)).lookingAt()) {
                        table = unquote(m.group(1));
                        column = unquote(m.group(2));
                        shown = "op.execute(UPDATE " + table + " SET " + column + " …)";
                    } else if ((m = INSERT.matcher(head)).lookingAt()) {
                        table = unquote(m.group(1));
                        shown = "op.execute(INSERT INTO " + table + " …)";
                    } else if ((m = DELETE.matcher(head)).lookingAt()) {
                        table = unquote(m.group(1));
                        shown = "op.execute(DELETE FROM " + table + " …)";
                    } else if ((m = VERB.matcher(head)).lookingAt()) {
                        shown = "op.execute(" + m.group(1).toUpperCase(Locale.ROOT) + " …)";
                    }
                }
                what = shown;
            }
            boolean gone = table != null && created.contains(table) && dropped.contains(table);
            boolean columnGone = table != null && column != null && added.contains(table + "." + column)
                    && (droppedColumns.contains(table + "." + column) || dropped.contains(table));
            if (gone || columnGone) {
                continue;
            }
            out.add(new DataGap(c, what));
        }
        return out;
    }

    private static String unquote(String s) {
        String t = s.replace("\"", "").replace("`", "").replace("[", "").replace("]", "");
        int dot = t.lastIndexOf('.');
        return dot >= 0 ? t.substring(dot + 1) : t;
    }
}
