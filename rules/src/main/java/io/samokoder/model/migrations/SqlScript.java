package io.samokoder.model.migrations;

import io.samokoder.model.migrations.SchemaChange.Act;
import io.samokoder.model.migrations.SchemaChange.Kind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * SQL that a migration runs, read statement by statement for what each one changes (PostgreSQL, MySQL and SQLite
 * syntax as migrations write it): which table, column, index, constraint, type, enum value, function, trigger, view,
 * sequence or extension it creates, drops, renames or alters; which rows it changes; or that it changes nothing a
 * downgrade has to undo (session settings such as {@code SET lock_timeout}, reads, transaction control, statistics).
 * Only the head of each statement is read, never a full grammar: a function body or a {@code DO} block is not looked
 * into. Linear in the text, never throws.
 *
 * <p>Text interpolated by Python ({@code f"…{table}…"}, {@code %s}) reaches here as {@link #HOLE}: a name made of a
 * hole is unknown.
 */
public final class SqlScript {

    /** Marks text that Python fills in at run time. */
    public static final char HOLE = '\u0001';

    /** Longest SQL text read; the rest of a longer one is not looked at. */
    static final int MAX_CHARS = 1 << 20;
    private static final int MAX_STATEMENTS = 2000;

    private record Tok(char type, String text) {
        boolean w(String word) {
            return type == 'w' && text.equals(word);
        }

        boolean p(char c) {
            return type == 'p' && text.length() == 1 && text.charAt(0) == c;
        }

        boolean ident() {
            return type == 'w' || type == 'q' || type == 'h';
        }
    }

    private SqlScript() {
    }

    /** What the statements of {@code sql} do, in order. */
    public static List<SchemaChange> read(String sql) {
        List<SchemaChange> out = new ArrayList<>();
        if (sql == null) {
            return out;
        }
        String s = sql.length() > MAX_CHARS ? sql.substring(0, MAX_CHARS) : sql;
        List<List<Tok>> statements = split(s);
        for (List<Tok> st : statements) {
            if (out.size() >= MAX_STATEMENTS) {
                break;
            }
            if (!st.isEmpty()) {
                new Reader(st, out).statement();
            }
        }
        return out;
    }

    // ---- lexing ----

    private static List<List<Tok>> split(String s) {
        List<List<Tok>> out = new ArrayList<>();
        List<Tok> cur = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
                while (i < n && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'' || c == '"' || c == '`') {
                StringBuilder sb = new StringBuilder();
                int j = i + 1;
                while (j < n) {
                    char d = s.charAt(j);
                    if (d == c) {
                        if (j + 1 < n && s.charAt(j + 1) == c) {
                            sb.append(c);
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    if (d == '\\' && c == '\'' && j + 1 < n) {
                        sb.append(s.charAt(j + 1));
                        j += 2;
                        continue;
                    }
                    sb.append(d);
                    j++;
                }
                String text = sb.toString();
                if (c == '\'') {
                    cur.add(new Tok('s', text));
                } else {
                    cur.add(text.indexOf(HOLE) >= 0 ? new Tok('h', "") : new Tok('q', text.toLowerCase(Locale.ROOT)));
                }
                i = Math.min(n, j + 1);
            } else if (c == '[' && cur.size() > 0 && !cur.get(cur.size() - 1).ident() && bracketIdent(s, i)) {
                int end = s.indexOf(']', i);
                cur.add(new Tok('q', s.substring(i + 1, end).toLowerCase(Locale.ROOT)));
                i = end + 1;
            } else if (c == '$' && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                    j++;
                }
                if (j < n && s.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(s.charAt(i + 1)))) {
                    String tag = s.substring(i, j + 1);
                    int end = s.indexOf(tag, j + 1);
                    cur.add(new Tok('b', "")); // a dollar-quoted body: never looked into
                    i = end < 0 ? n : end + tag.length();
                } else {
                    cur.add(new Tok('p', "$"));
                    i = j;
                }
            } else if (c == ';') {
                if (!cur.isEmpty()) {
                    out.add(cur);
                    cur = new ArrayList<>();
                }
                i++;
            } else if (c == HOLE) {
                cur.add(new Tok('h', ""));
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                boolean hole = false;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '$'
                        || s.charAt(j) == HOLE)) {
                    hole |= s.charAt(j) == HOLE;
                    j++;
                }
                cur.add(hole ? new Tok('h', "") : new Tok('w', s.substring(i, j).toLowerCase(Locale.ROOT)));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                cur.add(new Tok('n', s.substring(i, j)));
                i = j;
            } else {
                cur.add(new Tok('p', String.valueOf(c)));
                i++;
            }
        }
        if (!cur.isEmpty()) {
            out.add(cur);
        }
        return out;
    }

    /** {@code [name]} (SQL Server / SQLite quoting) rather than an array subscript. */
    private static boolean bracketIdent(String s, int i) {
        int end = s.indexOf(']', i);
        if (end < 0 || end - i > 128) {
            return false;
        }
        for (int k = i + 1; k < end; k++) {
            char c = s.charAt(k);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == ' ')) {
                return false;
            }
        }
        return end > i + 1;
    }

    // ---- reading one statement ----

    private static final Set<String> NEUTRAL_VERBS = Set.of("select", "values", "show", "set", "reset", "begin",
            "commit", "end", "rollback", "start", "savepoint", "release", "lock", "analyze", "analyse", "vacuum",
            "explain", "pragma", "checkpoint", "discard", "notify", "listen", "unlisten", "load", "reindex",
            "cluster", "refresh", "deallocate", "prepare", "use", "optimize", "flush", "comment", "grant", "revoke",
            "security", "abort", "describe", "desc", "check", "repair", "handler", "declare", "fetch", "close",
            "move", "reassign");

    private static final Set<String> CREATE_MODIFIERS = Set.of("global", "local", "temp", "temporary", "unlogged",
            "unique", "recursive", "constraint", "trusted", "procedural", "default", "or", "replace", "fulltext",
            "spatial", "online", "offline", "if", "not", "exists", "algorithm", "sql", "security", "definer",
            "invoker", "definer=", "force", "no", "materialized", "clustered", "nonclustered");

    private static final class Reader {
        private final List<Tok> t;
        private final List<SchemaChange> out;
        private int i;

        Reader(List<Tok> tokens, List<SchemaChange> out) {
            this.t = tokens;
            this.out = out;
        }

        private Tok at(int k) {
            return k < t.size() ? t.get(k) : new Tok('e', "");
        }

        private boolean w(String word) {
            return at(i).w(word);
        }

        private boolean accept(String word) {
            if (w(word)) {
                i++;
                return true;
            }
            return false;
        }

        private boolean acceptAll(String... words) {
            for (int k = 0; k < words.length; k++) {
                if (!at(i + k).w(words[k])) {
                    return false;
                }
            }
            i += words.length;
            return true;
        }

        /** {@code IF EXISTS} / {@code IF NOT EXISTS}. */
        private boolean guard() {
            return acceptAll("if", "not", "exists") || acceptAll("if", "exists");
        }

        /** A possibly qualified name: {@code [schema, name]}; name null when made of a hole or absent. */
        private String[] name() {
            if (!at(i).ident()) {
                return new String[]{null, null};
            }
            List<Tok> parts = new ArrayList<>();
            parts.add(at(i++));
            while (at(i).p('.') && at(i + 1).ident()) {
                parts.add(at(i + 1));
                i += 2;
            }
            boolean hole = parts.stream().anyMatch(p -> p.type() == 'h');
            String n = hole ? null : parts.get(parts.size() - 1).text();
            String schema = parts.size() > 1 && parts.get(parts.size() - 2).type() != 'h'
                    ? parts.get(parts.size() - 2).text() : null;
            return new String[]{schema, n};
        }

        private static String qualified(String[] n) {
            if (n[1] == null) {
                return null;
            }
            return n[0] == null || n[0].equals("public") || n[0].equals("dbo") ? n[1] : n[0] + "." + n[1];
        }

        /** Identifiers inside the parenthesis that starts at the current token, which is skipped. */
        private List<String> parenIdents() {
            List<String> cols = new ArrayList<>();
            if (!at(i).p('(')) {
                return cols;
            }
            int depth = 0;
            for (; i < t.size(); i++) {
                Tok x = t.get(i);
                if (x.p('(')) {
                    depth++;
                } else if (x.p(')')) {
                    depth--;
                    if (depth == 0) {
                        i++;
                        break;
                    }
                } else if ((x.type() == 'w' || x.type() == 'q') && !at(i + 1).p('(')
                        && !(x.type() == 'w' && SQL_WORDS.contains(x.text()))) {
                    cols.add(x.text());
                }
            }
            return cols;
        }

        /** The first identifier of each top-level comma-separated part of the parenthesis at the current token. */
        private List<String> columnDefs() {
            List<String> cols = new ArrayList<>();
            if (!at(i).p('(')) {
                return cols;
            }
            int depth = 0;
            boolean partStart = true;
            for (; i < t.size(); i++) {
                Tok x = t.get(i);
                if (x.p('(')) {
                    depth++;
                    if (depth == 1) {
                        partStart = true;
                        continue;
                    }
                } else if (x.p(')')) {
                    depth--;
                    if (depth == 0) {
                        i++;
                        break;
                    }
                } else if (depth == 1 && x.p(',')) {
                    partStart = true;
                    continue;
                }
                if (partStart && depth == 1) {
                    partStart = false;
                    if ((x.type() == 'w' && !TABLE_ELEMENT_WORDS.contains(x.text())) || x.type() == 'q') {
                        cols.add(x.text());
                    }
                }
            }
            return cols;
        }

        private void skipToTopLevelComma() {
            int depth = 0;
            for (; i < t.size(); i++) {
                Tok x = t.get(i);
                if (x.p('(')) {
                    depth++;
                } else if (x.p(')')) {
                    depth--;
                } else if (depth == 0 && x.p(',')) {
                    return;
                }
            }
        }

        private void add(SchemaChange c) {
            out.add(c);
        }

        void statement() {
            Tok first = at(0);
            if (first.type() != 'w') {
                add(SchemaChange.of(Act.UNKNOWN, Kind.OTHER, null, null, first.type() == 'h' ? "…" : first.text()));
                return;
            }
            String verb = first.text();
            i = 1;
            switch (verb) {
                case "create" -> create();
                case "drop" -> drop();
                case "alter" -> alter();
                case "rename" -> renameTables();
                case "insert", "replace", "upsert" -> insert(verb);
                case "update" -> update();
                case "delete" -> delete();
                case "truncate" -> truncate();
                case "merge" -> {
                    accept("into");
                    String[] n = name();
                    add(data("MERGE", qualified(n)));
                }
                case "copy" -> copy();
                case "with" -> with();
                case "do", "call", "execute", "exec" -> add(SchemaChange.of(Act.UNKNOWN, Kind.OTHER, null, null,
                        verb.toUpperCase(Locale.ROOT)));
                default -> add(SchemaChange.of(NEUTRAL_VERBS.contains(verb) ? Act.NEUTRAL : Act.UNKNOWN,
                        Kind.OTHER, null, null, verb.toUpperCase(Locale.ROOT)));
            }
        }

        private SchemaChange data(String verb, String table) {
            return new SchemaChange(Act.DATA, Kind.ROWS, table, verb, null, List.of(), null, false,
                    verb + (table == null ? "" : " " + table), List.of());
        }

        private void create() {
            boolean replace = false;
            boolean temp = false;
            boolean unique = false;
            boolean materialized = false;
            while (at(i).type() == 'w' && CREATE_MODIFIERS.contains(at(i).text()) && !w("if")) {
                String m = at(i).text();
                replace |= m.equals("replace");
                temp |= m.equals("temp") || m.equals("temporary");
                unique |= m.equals("unique");
                materialized |= m.equals("materialized");
                i++;
                if (m.equals("algorithm") || m.equals("definer")) { // MySQL view options: ALGORITHM = x
                    if (at(i).p('=')) {
                        i += 2;
                    }
                }
            }
            if (at(i).type() != 'w') {
                add(SchemaChange.of(Act.UNKNOWN, Kind.OTHER, null, null, "CREATE"));
                return;
            }
            String what = at(i++).text();
            Act act = replace ? Act.REPLACE : Act.CREATE;
            switch (what) {
                case "table" -> {
                    boolean g = guard();
                    String table = qualified(name());
                    if (temp) {
                        // gone at the end of the session: dropping it or indexing it changes nothing lasting
                        add(new SchemaChange(Act.CREATE, Kind.TABLE, null, table, null, List.of(), "temporary", g,
                                "CREATE TEMP TABLE " + show(table), List.of()));
                        return;
                    }
                    List<String> cols = columnDefs();
                    add(new SchemaChange(Act.CREATE, Kind.TABLE, null, table, null, cols, null, g,
                            "CREATE TABLE " + show(table), List.of()));
                }
                case "index", "key" -> {
                    accept("concurrently");
                    boolean g = guard();
                    String[] n = w("on") ? new String[]{null, null} : name();
                    String index = n[1];
                    accept("on");
                    accept("only");
                    String table = qualified(name());
                    if (accept("using")) {
                        i++;
                    }
                    List<String> cols = parenIdents();
                    add(new SchemaChange(Act.CREATE, Kind.INDEX, table, index, null, cols, unique ? "unique" : null,
                            g, "CREATE INDEX " + show(index), List.of()));
                }
                case "type" -> {
                    boolean g = guard();
                    String type = qualified(name());
                    add(SchemaChange.of(act, Kind.TYPE, null, type, "CREATE TYPE " + show(type)).withGuard(g));
                }
                case "function", "procedure" -> {
                    boolean g = guard();
                    String f = qualified(name());
                    add(SchemaChange.of(act, Kind.FUNCTION, null, f,
                            (replace ? "CREATE OR REPLACE " : "CREATE ") + what.toUpperCase(Locale.ROOT) + " " + show(f))
                            .withGuard(g));
                }
                case "trigger" -> {
                    boolean g = guard();
                    String trigger = qualified(name());
                    String table = null;
                    for (int k = i; k < t.size(); k++) {
                        if (t.get(k).w("on")) {
                            i = k + 1;
                            table = qualified(name());
                            break;
                        }
                    }
                    add(new SchemaChange(act, Kind.TRIGGER, table, trigger, null, List.of(), null, g,
                            "CREATE TRIGGER " + show(trigger), List.of()));
                }
                case "view" -> {
                    boolean g = guard();
                    String v = qualified(name());
                    add(SchemaChange.of(act, Kind.VIEW, null, v,
                            (materialized ? "CREATE MATERIALIZED VIEW " : replace ? "CREATE OR REPLACE VIEW "
                                    : "CREATE VIEW ") + show(v)).withGuard(g));
                }
                case "sequence" -> {
                    boolean g = guard();
                    String q = qualified(name());
                    add(SchemaChange.of(act, Kind.SEQUENCE, null, q, "CREATE SEQUENCE " + show(q)).withGuard(g));
                }
                case "extension" -> {
                    boolean g = guard();
                    String e = qualified(name());
                    add(SchemaChange.of(act, Kind.EXTENSION, null, e, "CREATE EXTENSION " + show(e)).withGuard(g));
                }
                case "schema", "database" -> {
                    boolean g = guard();
                    String e = qualified(name());
                    add(SchemaChange.of(act, Kind.SCHEMA, null, e, "CREATE SCHEMA " + show(e)).withGuard(g));
                }
                case "role", "user", "group", "tablespace", "server", "publication", "subscription" ->
                        add(SchemaChange.of(Act.NEUTRAL, Kind.OTHER, null, null,
                                "CREATE " + what.toUpperCase(Locale.ROOT)));
                default -> {
                    // domain, aggregate, operator, cast, collation, policy, rule, statistics, event trigger, …
                    boolean g = guard();
                    String o = qualified(name());
                    String table = null;
                    if (what.equals("policy") || what.equals("rule")) {
                        for (int k = i; k < t.size(); k++) {
                            if (t.get(k).w("on")) {
                                i = k + 1;
                                table = qualified(name());
                                break;
                            }
                        }
                    }
                    add(new SchemaChange(act, Kind.OTHER, table, o == null ? null : what + " " + o, null, List.of(),
                            null, g, "CREATE " + what.toUpperCase(Locale.ROOT) + " " + show(o), List.of()));
                }
            }
        }

        private void drop() {
            boolean materialized = accept("materialized");
            if (at(i).type() != 'w') {
                add(SchemaChange.of(Act.UNKNOWN, Kind.OTHER, null, null, "DROP"));
                return;
            }
            String what = at(i++).text();
            if (what.equals("temporary") || what.equals("temp")) {
                accept("table");
                add(SchemaChange.of(Act.NEUTRAL, Kind.TABLE, null, null, "DROP TEMPORARY TABLE"));
                return;
            }
            Kind kind = switch (what) {
                case "table" -> Kind.TABLE;
                case "index", "key" -> Kind.INDEX;
                case "type" -> Kind.TYPE;
                case "function", "procedure" -> Kind.FUNCTION;
                case "trigger" -> Kind.TRIGGER;
                case "view" -> Kind.VIEW;
                case "sequence" -> Kind.SEQUENCE;
                case "extension" -> Kind.EXTENSION;
                case "schema", "database" -> Kind.SCHEMA;
                case "role", "user", "group", "tablespace", "server", "publication", "subscription" -> null;
                default -> Kind.OTHER;
            };
            if (kind == null) {
                add(SchemaChange.of(Act.NEUTRAL, Kind.OTHER, null, null, "DROP " + what.toUpperCase(Locale.ROOT)));
                return;
            }
            accept("concurrently");
            boolean g = guard();
            String label = "DROP " + (materialized ? "MATERIALIZED " : "") + what.toUpperCase(Locale.ROOT) + " ";
            int guard = 0;
            do {
                String n = qualified(name());
                if (at(i).p('(')) { // function signature
                    parenIdents();
                }
                String table = null;
                if ((kind == Kind.TRIGGER || kind == Kind.INDEX || kind == Kind.OTHER) && accept("on")) {
                    table = qualified(name());
                }
                String objName = kind == Kind.OTHER && n != null ? what + " " + n : n;
                add(new SchemaChange(Act.DROP, kind, table, objName, null, List.of(), null, g, label + show(n),
                        List.of()));
            } while (at(i).p(',') && ++i > 0 && ++guard < 1000);
        }

        private void renameTables() {
            if (!accept("table")) {
                add(SchemaChange.of(Act.UNKNOWN, Kind.OTHER, null, null, "RENAME"));
                return;
            }
            int guard = 0;
            do {
                String a = qualified(name());
                accept("to");
                String b = qualified(name());
                add(SchemaChange.of(Act.RENAME, Kind.TABLE, null, a, "RENAME TABLE " + show(a)).withNewName(b));
            } while (at(i).p(',') && ++i > 0 && ++guard < 1000);
        }

        private void alter() {
            if (at(i).type() != 'w') {
                add(SchemaChange.of(Act.UNKNOWN, Kind.OTHER, null, null, "ALTER"));
                return;
            }
            String what = at(i++).text();
            if (what.equals("materialized")) {
                accept("view");
                what = "view";
            }
            switch (what) {
                case "table" -> alterTable();
                case "index" -> {
                    guard();
                    String n = qualified(name());
                    if (acceptAll("rename", "to")) {
                        String b = qualified(name());
                        add(SchemaChange.of(Act.RENAME, Kind.INDEX, null, n, "ALTER INDEX " + show(n) + " RENAME")
                                .withNewName(b));
                    } else {
                        add(SchemaChange.of(Act.NEUTRAL, Kind.INDEX, null, n, "ALTER INDEX"));
                    }
                }
                case "type" -> {
                    String type = qualified(name());
                    String shown = "ALTER TYPE " + show(type);
                    if (acceptAll("add", "value")) {
                        boolean g = guard();
                        String v = at(i).type() == 's' ? at(i).text() : null;
                        add(new SchemaChange(Act.CREATE, Kind.ENUM_VALUE, type, v, null, List.of(), null, g,
                                shown + " ADD VALUE", List.of()));
                    } else if (acceptAll("rename", "value")) {
                        String a = at(i).type() == 's' ? at(i).text() : null;
                        i++;
                        accept("to");
                        String b = at(i).type() == 's' ? at(i).text() : null;
                        add(new SchemaChange(Act.RENAME, Kind.ENUM_VALUE, type, a, b, List.of(), null, false,
                                shown + " RENAME VALUE", List.of()));
                    } else if (acceptAll("rename", "to")) {
                        String b = qualified(name());
                        add(SchemaChange.of(Act.RENAME, Kind.TYPE, null, type, shown + " RENAME").withNewName(b));
                    } else if (w("owner")) {
                        add(SchemaChange.of(Act.NEUTRAL, Kind.TYPE, null, type, shown));
                    } else {
                        add(SchemaChange.of(Act.ALTER, Kind.TYPE, null, type, shown));
                    }
                }
                case "sequence", "database", "role", "user", "system", "group", "default", "tablespace",
                     "publication", "subscription", "server" ->
                        add(SchemaChange.of(Act.NEUTRAL, Kind.OTHER, null, null, "ALTER " + what.toUpperCase(Locale.ROOT)));
                default -> {
                    Kind kind = switch (what) {
                        case "function", "procedure" -> Kind.FUNCTION;
                        case "view" -> Kind.VIEW;
                        case "trigger" -> Kind.TRIGGER;
                        case "extension" -> Kind.EXTENSION;
                        case "schema" -> Kind.SCHEMA;
                        default -> Kind.OTHER;
                    };
                    guard();
                    String n = qualified(name());
                    if (at(i).p('(')) {
                        parenIdents();
                    }
                    String table = null;
                    if (kind == Kind.TRIGGER && accept("on")) {
                        table = qualified(name());
                    }
                    String objName = kind == Kind.OTHER && n != null ? what + " " + n : n;
                    String shown = "ALTER " + what.toUpperCase(Locale.ROOT) + " " + show(n);
                    if (w("owner") || w("set") && kind == Kind.FUNCTION) {
                        add(SchemaChange.of(Act.NEUTRAL, kind, table, objName, shown));
                    } else if (acceptAll("rename", "to")) {
                        String b = qualified(name());
                        add(new SchemaChange(Act.RENAME, kind, table, objName, kind == Kind.OTHER && b != null
                                ? what + " " + b : b, List.of(), null, false, shown + " RENAME", List.of()));
                    } else {
                        add(new SchemaChange(Act.ALTER, kind, table, objName, null, List.of(), null, false, shown,
                                List.of()));
                    }
                }
            }
        }

        private void alterTable() {
            boolean g = guard();
            accept("only");
            String table = qualified(name());
            String shown = "ALTER TABLE " + show(table);
            int before = out.size();
            alterTableActions(table, shown, g);
            if (out.size() == before) { // owner, storage, triggers switched off and on: nothing to undo
                add(SchemaChange.of(Act.NEUTRAL, Kind.TABLE, null, table, shown));
            }
        }

        private void alterTableActions(String table, String shown, boolean g) {
            int guard = 0;
            while (i < t.size() && ++guard < 10000) {
                int start = i;
                alterTableAction(table, shown, g);
                skipToTopLevelComma();
                if (!at(i).p(',')) {
                    break;
                }
                i++;
                if (i <= start) {
                    break;
                }
            }
        }

        private void alterTableAction(String table, String shown, boolean tableGuard) {
            if (accept("add")) {
                if (w("constraint") || w("primary") || w("unique") || w("foreign") || w("check") || w("exclude")
                        || w("index") || w("key") || w("fulltext") || w("spatial")) {
                    addConstraint(table, shown);
                    return;
                }
                accept("column");
                boolean g = guard();
                String col = name()[1];
                add(new SchemaChange(Act.CREATE, Kind.COLUMN, table, col, null, List.of(), null, g || tableGuard,
                        shown + " ADD COLUMN " + show(col), List.of()));
                return;
            }
            if (accept("drop")) {
                if (accept("constraint")) {
                    boolean g = guard();
                    String n = name()[1];
                    add(new SchemaChange(Act.DROP, Kind.CONSTRAINT, table, n, null, List.of(), null, g || tableGuard,
                            shown + " DROP CONSTRAINT " + show(n), List.of()));
                } else if (acceptAll("primary", "key")) {
                    add(new SchemaChange(Act.DROP, Kind.CONSTRAINT, table, null, null, List.of(), "primary",
                            tableGuard, shown + " DROP PRIMARY KEY", List.of()));
                } else if (acceptAll("foreign", "key")) {
                    boolean g = guard();
                    String n = name()[1];
                    add(new SchemaChange(Act.DROP, Kind.CONSTRAINT, table, n, null, List.of(), "foreignkey",
                            g || tableGuard, shown + " DROP FOREIGN KEY " + show(n), List.of()));
                } else if (accept("index") || accept("key")) {
                    boolean g = guard();
                    String n = name()[1];
                    add(new SchemaChange(Act.DROP, Kind.INDEX, table, n, null, List.of(), null, g || tableGuard,
                            shown + " DROP INDEX " + show(n), List.of()));
                } else if (w("default") || w("not") || w("check") || w("partitioning")) {
                    add(new SchemaChange(Act.ALTER, Kind.TABLE, null, table, null, List.of(), null, tableGuard,
                            shown, List.of()));
                } else {
                    accept("column");
                    boolean g = guard();
                    String col = name()[1];
                    add(new SchemaChange(Act.DROP, Kind.COLUMN, table, col, null, List.of(), null, g || tableGuard,
                            shown + " DROP COLUMN " + show(col), List.of()));
                }
                return;
            }
            if (accept("alter") || accept("modify")) {
                accept("column");
                String col = name()[1];
                if (acceptAll("set", "statistics") || acceptAll("set", "storage") || acceptAll("set", "compression")) {
                    return;
                }
                boolean notNull = acceptAll("set", "not", "null");
                add(new SchemaChange(Act.ALTER, Kind.COLUMN, table, col, null, List.of(), notNull ? "notnull" : null,
                        tableGuard, shown + " ALTER COLUMN " + show(col), List.of()));
                return;
            }
            if (accept("change")) {
                accept("column");
                String a = name()[1];
                String b = name()[1];
                if (a != null && b != null && !a.equals(b)) {
                    add(new SchemaChange(Act.RENAME, Kind.COLUMN, table, a, b, List.of(), null, tableGuard,
                            shown + " CHANGE " + show(a), List.of()));
                }
                add(new SchemaChange(Act.ALTER, Kind.COLUMN, table, b, null, List.of(), null, tableGuard,
                        shown + " CHANGE " + show(b), List.of()));
                return;
            }
            if (accept("rename")) {
                if (accept("to") || accept("as")) {
                    String b = qualified(name());
                    add(SchemaChange.of(Act.RENAME, Kind.TABLE, null, table, shown + " RENAME TO").withNewName(b));
                    return;
                }
                Kind kind = accept("constraint") ? Kind.CONSTRAINT : accept("index") || accept("key") ? Kind.INDEX
                        : Kind.COLUMN;
                if (kind == Kind.COLUMN) {
                    accept("column");
                }
                String a = name()[1];
                accept("to");
                String b = name()[1];
                add(new SchemaChange(Act.RENAME, kind, table, a, b, List.of(), null, tableGuard,
                        shown + " RENAME " + kind.word().toUpperCase(Locale.ROOT) + " " + show(a), List.of()));
                return;
            }
            if (w("owner") || w("validate") || w("set") || w("reset") || w("cluster") || w("replica")
                    || w("enable") || w("disable")
                    || w("inherit") || w("no") && at(i + 1).w("inherit") || w("algorithm") || w("lock")
                    || w("convert") || w("engine") || w("auto_increment") || w("comment")) {
                return;
            }
            add(new SchemaChange(Act.ALTER, Kind.TABLE, null, table, null, List.of(), null, tableGuard, shown,
                    List.of()));
        }

        private void addConstraint(String table, String shown) {
            String name = null;
            if (accept("constraint")) {
                name = w("primary") || w("unique") || w("foreign") || w("check") || w("exclude") ? null : name()[1];
            }
            String ctype;
            if (acceptAll("primary", "key")) {
                ctype = "primary";
            } else if (accept("unique")) {
                accept("index");
                accept("key");
                ctype = "unique";
            } else if (acceptAll("foreign", "key")) {
                ctype = "foreignkey";
            } else if (accept("check")) {
                ctype = "check";
            } else if (accept("exclude")) {
                ctype = "exclude";
            } else if (accept("index") || accept("key") || accept("fulltext") || accept("spatial")) {
                accept("index");
                accept("key");
                String n = at(i).p('(') ? null : name()[1];
                List<String> cols = parenIdents();
                add(new SchemaChange(Act.CREATE, Kind.INDEX, table, n, null, cols, null, false,
                        shown + " ADD INDEX " + show(n), List.of()));
                return;
            } else {
                ctype = null;
            }
            if (name == null && at(i).ident() && !at(i).p('(') && !"check".equals(ctype)) {
                name = name()[1]; // MySQL: UNIQUE KEY name (cols), FOREIGN KEY name (cols)
            }
            if ("exclude".equals(ctype) && accept("using")) {
                i++;
            }
            if (acceptAll("using", "index")) {
                // PostgreSQL: the index becomes the constraint's own, under the constraint's name
                String index = name()[1];
                add(new SchemaChange(Act.DROP, Kind.INDEX, table, index, null, List.of(), null, false,
                        shown + " ADD CONSTRAINT " + show(name) + " USING INDEX " + show(index), List.of()));
            }
            List<String> cols = parenIdents();
            add(new SchemaChange(Act.CREATE, Kind.CONSTRAINT, table, name, null, cols, ctype, false,
                    shown + " ADD CONSTRAINT " + show(name), List.of()));
        }

        private void insert(String verb) {
            boolean idempotent = verb.equals("replace") || verb.equals("upsert") || accept("ignore");
            if (accept("or")) {
                idempotent |= at(i).w("replace") || at(i).w("ignore");
                i++;
            }
            accept("into");
            String table = qualified(name());
            List<String> sources = new ArrayList<>();
            for (int k = i; k < t.size(); k++) {
                if (t.get(k).w("from") || t.get(k).w("join")) {
                    i = k + 1;
                    String src = qualified(name());
                    if (src != null) {
                        sources.add(src);
                    }
                    k = i - 1;
                }
            }
            boolean leftJoin = false;
            for (int k = 0; k + 1 < t.size() && !idempotent; k++) {
                leftJoin |= t.get(k).w("left") && (at(k + 1).w("join") || at(k + 1).w("outer"));
                idempotent = (t.get(k).w("on") && (at(k + 1).w("conflict") || (at(k + 1).w("duplicate")
                        && at(k + 2).w("key")))) || (t.get(k).w("not") && at(k + 1).w("exists"))
                        || (leftJoin && t.get(k).w("is") && at(k + 1).w("null")); // anti-join: only missing rows
            }
            add(data("INSERT", table).withSources(sources).withGuard(idempotent).withShown((verb.equals("insert")
                    ? "INSERT INTO " : verb.toUpperCase(Locale.ROOT) + " INTO ") + show(table)));
        }

        private void update() {
            accept("only");
            accept("low_priority");
            accept("ignore");
            if (accept("or")) { // SQLite: UPDATE OR IGNORE t SET …
                i++;
            }
            String table = qualified(name());
            List<String> cols = new ArrayList<>();
            for (int k = i; k < t.size(); k++) {
                if (t.get(k).w("set")) {
                    i = k + 1;
                    break;
                }
            }
            // SET a = …, b = … ; SET (a, b) = (…)
            boolean coalesceAll = true;
            Map<String, String> literals = new HashMap<>();
            int guard = 0;
            while (i < t.size() && ++guard < 10000) {
                if (at(i).p('(')) {
                    cols.addAll(parenIdents());
                } else if (at(i).ident()) {
                    String[] n = name();
                    if (n[1] != null) {
                        cols.add(n[1]);
                    }
                }
                if (!at(i).p('=')) {
                    break;
                }
                // c = 'literal' followed by the end of the assignment: a value the column is overwritten with
                if (!cols.isEmpty() && at(i + 1).type() == 's' && (at(i + 2).p(',') || at(i + 2).w("where")
                        || at(i + 2).w("from") || at(i + 2).type() == 'e')) {
                    literals.put(cols.get(cols.size() - 1), at(i + 1).text());
                }
                // c = COALESCE(c, …) only fills c where it is NULL
                coalesceAll &= !cols.isEmpty() && at(i + 1).w("coalesce") && at(i + 2).p('(')
                        && cols.get(cols.size() - 1).equals(at(i + 3).text());
                int depth = 0;
                boolean more = false;
                for (; i < t.size(); i++) {
                    Tok x = t.get(i);
                    if (x.p('(')) {
                        depth++;
                    } else if (x.p(')')) {
                        depth--;
                    } else if (depth == 0 && x.p(',')) {
                        i++;
                        more = true;
                        break;
                    } else if (depth == 0 && (x.w("where") || x.w("from") || x.w("returning"))) {
                        break;
                    }
                }
                if (!more) {
                    break;
                }
            }
            SchemaChange c = data("UPDATE", table).withColumns(cols).withShown("UPDATE " + show(table)
                    + (cols.isEmpty() ? "" : " SET " + cols.get(0)));
            add(!cols.isEmpty() && (coalesceAll || whereNull(cols)) ? c.withCtype("fill")
                    : rewrites(literals) ? c.withCtype("rewrite") : c);
        }

        /**
         * SET c = 'new' … WHERE … c = 'old' (no OR at the top of the WHERE clause): the rows that held 'old' now hold
         * a value other rows may already hold, so which rows were converted cannot be told afterwards.
         */
        private boolean rewrites(Map<String, String> literals) {
            if (literals.isEmpty()) {
                return false;
            }
            int where = whereIndex();
            if (where < 0 || isOr(where)) {
                return false;
            }
            for (int k = where + 1; k + 2 < t.size(); k++) {
                Tok x = t.get(k);
                String set = x.type() == 'w' || x.type() == 'q' ? literals.get(x.text()) : null;
                if (set != null && at(k + 1).p('=') && at(k + 2).type() == 's' && !at(k + 2).text().equals(set)
                        && !at(k - 1).w("not")) {
                    return true;
                }
            }
            return false;
        }

        /** The WHERE clause (from the current token on) keeps only rows where one of {@code cols} is NULL or ''. */
        private boolean whereNull(List<String> cols) {
            int where = whereIndex();
            if (where < 0) {
                return false;
            }
            for (int k = where + 1; k + 1 < t.size(); k++) {
                Tok x = t.get(k);
                if (!(x.type() == 'w' || x.type() == 'q') || !cols.contains(x.text())) {
                    continue;
                }
                if (at(k + 1).w("is") && at(k + 2).w("null")) {
                    return !(at(k - 1).w("not")) && !isOr(where);
                }
                if (at(k + 1).p('=') && at(k + 2).type() == 's' && at(k + 2).text().isEmpty()) {
                    return !isOr(where);
                }
            }
            return false;
        }

        /** The index of the first WHERE from the current token on, or -1. */
        private int whereIndex() {
            for (int k = i; k < t.size(); k++) {
                if (t.get(k).w("where")) {
                    return k;
                }
            }
            return -1;
        }

        /** An OR at the top level of the WHERE clause makes a single condition not restrict the rows. */
        private boolean isOr(int where) {
            int depth = 0;
            for (int k = where + 1; k < t.size(); k++) {
                Tok x = t.get(k);
                if (x.p('(')) {
                    depth++;
                } else if (x.p(')')) {
                    depth--;
                } else if (depth == 0 && x.w("or")) {
                    return true;
                }
            }
            return false;
        }

        /** A DELETE whose WHERE clause selects rows by a NULL or a missing reference: rows a new constraint forbids. */
        private boolean whereInvalid() {
            int where = whereIndex();
            if (where < 0) {
                return false;
            }
            for (int k = where + 1; k + 1 < t.size(); k++) {
                if ((t.get(k).w("is") && at(k + 1).w("null")) || (t.get(k).w("not") && (at(k + 1).w("in")
                        || at(k + 1).w("exists")))) {
                    return true;
                }
            }
            return false;
        }

        private void delete() {
            accept("low_priority");
            accept("quick");
            accept("ignore");
            accept("from");
            accept("only");
            String table = qualified(name());
            SchemaChange c = data("DELETE", table).withShown("DELETE FROM " + show(table));
            add(whereInvalid() ? c.withCtype("cleanup") : c);
        }

        private void truncate() {
            accept("table");
            accept("only");
            String table = qualified(name());
            add(data("TRUNCATE", table).withShown("TRUNCATE " + show(table)));
        }

        private void copy() {
            String table = qualified(name());
            if (at(i).p('(')) {
                parenIdents();
            }
            if (w("from")) {
                add(data("COPY", table).withShown("COPY " + show(table) + " FROM"));
            } else {
                add(SchemaChange.of(Act.NEUTRAL, Kind.ROWS, table, "COPY", "COPY … TO"));
            }
        }

        /** {@code WITH … AS (…) <statement>}: changes rows when the main statement or a CTE does. */
        private void with() {
            accept("recursive");
            int depth = 0;
            boolean modifyingCte = false;
            for (; i < t.size(); i++) {
                Tok x = t.get(i);
                if (x.p('(')) {
                    depth++;
                } else if (x.p(')')) {
                    depth--;
                } else if (depth > 0 && (x.w("insert") || x.w("update") || x.w("delete"))) {
                    modifyingCte = true;
                } else if (depth == 0 && (x.w("insert") || x.w("update") || x.w("delete") || x.w("select")
                        || x.w("merge"))) {
                    String verb = x.text();
                    i++;
                    switch (verb) {
                        case "insert" -> insert(verb);
                        case "update" -> update();
                        case "delete" -> delete();
                        case "merge" -> {
                            accept("into");
                            add(data("MERGE", qualified(name())));
                        }
                        default -> add(modifyingCte ? data("WITH", null).withShown("WITH … (data-modifying)")
                                : SchemaChange.of(Act.NEUTRAL, Kind.OTHER, null, null, "WITH … SELECT"));
                    }
                    return;
                }
            }
            add(SchemaChange.of(Act.UNKNOWN, Kind.OTHER, null, null, "WITH"));
        }
    }

    private static String show(String name) {
        return name == null ? "…" : name;
    }

    /** Words that are not column names inside index and constraint column lists. */
    private static final Set<String> SQL_WORDS = Set.of("asc", "desc", "nulls", "first", "last", "collate", "using",
            "with", "where", "and", "or", "not", "null", "is", "in", "true", "false", "on", "delete", "update",
            "cascade", "restrict", "set", "default", "no", "action", "references", "match", "full", "partial",
            "simple", "deferrable", "initially", "deferred", "immediate", "include", "any", "array", "all", "like",
            "ilike", "between", "case", "when", "then", "else", "end", "varchar", "text", "integer", "int",
            "bigint", "jsonb", "json", "timestamp", "date", "boolean", "numeric", "interval", "uuid");

    /** Words that start a table element other than a column definition. */
    private static final Set<String> TABLE_ELEMENT_WORDS = Set.of("constraint", "primary", "unique", "foreign",
            "check", "exclude", "like", "key", "index", "fulltext", "spatial", "period");
}
