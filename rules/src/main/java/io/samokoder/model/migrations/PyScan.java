package io.samokoder.model.migrations;

import io.samokoder.model.migrations.PyTokenizer.Kind;
import io.samokoder.model.migrations.PyTokenizer.Token;
import io.samokoder.model.migrations.SchemaChange.Act;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the body of {@code upgrade()} or {@code downgrade()} for what it asks Alembic to do, the way Python would
 * evaluate the names involved: string constants of the module and of the function ({@code TABLE = "users"}),
 * {@code sa.text(…)} and f-strings, parameters of helper functions defined in the module bound to the arguments of
 * each call, {@code for} loops over literal sequences of names unrolled, {@code sa.table("x")} objects behind
 * {@code t.update()}. Nothing is executed; anything that cannot be evaluated stays unknown.
 */
final class PyScan {

    private static final Set<String> NON_OPERATIONS = Set.of("f", "get_bind", "get_context", "inline_literal",
            "batch_alter_table", "implementation_for", "register_operation", "invoke", "run_async");
    private static final Set<String> BENIGN_CALLS = Set.of("print", "logger", "log", "logging", "warnings", "pass",
            "len", "range", "list", "dict", "set", "tuple", "str", "int", "sorted", "isinstance", "super");
    private static final int MAX_OPS = 1_000_000;
    /** Statements visited per function, helpers and unrolled loops included: nested loops must not explode. */
    private static final int MAX_STATEMENTS = 2_000_000;
    /** Longest string an expression is evaluated to (the SQL reader reads no more either). */
    private static final int MAX_STRING = SqlScript.MAX_CHARS;
    private static final int MAX_UNROLL = 64;
    private static final int MAX_EVAL_DEPTH = 12;

    /** A name's value: the tokens of its expression and the scope they are evaluated in. */
    private record Bound(List<Token> tokens, Scope scope) {
    }

    /** Names visible in a body: its own assignments and parameters, then the enclosing scope's. */
    static final class Scope {
        private final Map<String, Bound> vars = new HashMap<>();
        private final Scope parent;

        Scope(Scope parent) {
            this.parent = parent;
        }

        Bound lookup(String name) {
            for (Scope s = this; s != null; s = s.parent) {
                Bound b = s.vars.get(name);
                if (b != null) {
                    return b;
                }
            }
            return null;
        }

        void put(String name, List<Token> tokens, Scope in) {
            vars.put(name, new Bound(tokens, in));
        }

        /** The module's scope. */
        Scope root() {
            Scope s = this;
            while (s.parent != null) {
                s = s.parent;
            }
            return s;
        }
    }

    /** What a scanned body asks for. */
    record Result(List<OpCall> ops, List<OpCall> calls, boolean foreignCall) {
    }

    private final Map<String, PyStatement> defs;
    private final List<OpCall> ops = new ArrayList<>();
    private final List<OpCall> calls = new ArrayList<>();
    private final Set<String> visiting = new HashSet<>();
    private final Set<String> binds = new HashSet<>();
    private boolean foreignCall;
    private int checks;
    private int visited;
    private boolean checkBefore;

    private PyScan(Map<String, PyStatement> defs) {
        this.defs = defs;
    }

    /** Module-level assignments {@code NAME = value}, visible to every function. */
    static Scope moduleScope(List<PyStatement> stmts) {
        Scope s = new Scope(null);
        for (PyStatement st : stmts) {
            assign(st.head(), s);
        }
        return s;
    }

    static Result scan(String name, List<PyStatement> body, Map<String, PyStatement> defs, Scope module) {
        PyScan p = new PyScan(defs);
        p.visiting.add(name);
        p.scan(body, Map.of(), new Scope(module));
        return new Result(List.copyOf(p.ops), List.copyOf(p.calls), p.foreignCall);
    }

    private static void assign(List<Token> h, Scope s) {
        if (h.size() > 2 && h.get(0).isName() && (h.get(1).is("=") || h.get(1).is(":"))) {
            int eq = PyStatement.indexOfTopLevel(h, "=", 1);
            if (eq > 0 && eq + 1 < h.size() && PyStatement.indexOfTopLevel(h, "=", eq + 1) < 0) {
                s.put(h.get(0).text(), h.subList(eq + 1, h.size()), s);
            }
        }
    }

    private void scan(List<PyStatement> stmts, Map<String, String> aliases, Scope scope) {
        for (PyStatement st : stmts) {
            if (ops.size() > MAX_OPS || ++visited > MAX_STATEMENTS) {
                return;
            }
            List<Token> h = st.head();
            if (h.isEmpty()) {
                continue;
            }
            if (h.get(0).is("def") || h.get(0).is("class")) {
                continue; // nested definitions run only when called
            }
            Map<String, String> inner = aliases;
            if (st.startsWith("with") || st.startsWith("async")) {
                inner = batchAliases(h, aliases, scope);
            }
            assign(h, scope);
            if (h.size() > 2 && h.get(0).isName() && h.get(1).is("=")) {
                for (int k = 2; k < h.size(); k++) {
                    if (h.get(k).is("get_bind") || h.get(k).is("Session") || h.get(k).is("connection")
                            || h.get(k).is("sessionmaker") || h.get(k).is("connect")) {
                        binds.add(h.get(0).text());
                        break;
                    }
                }
            }
            if (st.startsWith("for") && !st.body().isEmpty() && unroll(st, inner, scope)) {
                continue;
            }
            if ((st.startsWith("if") || st.startsWith("elif")) && deadDialectGuard(h, scope)) {
                checkBefore = false;
                continue; // the body never runs: SQLAlchemy never names a dialect that way
            }
            tokens(h, aliases, scope, st.body().isEmpty());
            boolean check = (st.startsWith("if") || st.startsWith("elif")) && !aboutDialect(h)
                    || st.startsWith("else") && checkBefore;
            if (st.startsWith("if") || st.startsWith("elif")) {
                checkBefore = !aboutDialect(h);
            }
            if (check) {
                checks++;
            }
            scan(st.body(), inner, scope);
            if (check) {
                checks--;
            }
        }
    }

    private static final Set<String> DIALECT_WORDS = Set.of("dialect", "engine", "url", "driver", "sqlite",
            "postgres", "postgresql", "mysql", "mssql", "oracle", "is_offline_mode", "context", "is_postgres",
            "is_sqlite", "is_mysql");

    /**
     * Names SQLAlchemy never gives a dialect ({@code dialect.name} is {@code postgresql}, {@code sqlite}, {@code mssql},
     * …), though people write them for those databases.
     */
    private static final Set<String> NEVER_DIALECT_NAMES = Set.of("postgres", "pg", "pgsql", "psql", "sqlite3",
            "sqlserver", "sql_server");

    /**
     * {@code if <dialect name> == "postgres":} (or the operands swapped), where the left side reads
     * {@code ….dialect.name} directly, through a variable, or through a helper function of the module that returns it:
     * the comparison is always false and the body never runs.
     */
    private boolean deadDialectGuard(List<Token> h, Scope scope) {
        int eq = PyStatement.indexOfTopLevel(h, "==", 1);
        if (eq < 0 || h.stream().anyMatch(t -> t.isName() && (t.is("or") || t.is("and") || t.is("not")))) {
            return false;
        }
        int end = h.size() > 0 && h.get(h.size() - 1).is(":") ? h.size() - 1 : h.size();
        List<Token> left = h.subList(1, eq);
        List<Token> right = h.subList(eq + 1, end);
        return never(right) && readsDialectName(left, scope, 0) || never(left) && readsDialectName(right, scope, 0);
    }

    private static boolean never(List<Token> literal) {
        return literal.size() == 1 && literal.get(0).kind() == Kind.STRING && literal.get(0).value() != null
                && NEVER_DIALECT_NAMES.contains(literal.get(0).value().toLowerCase(Locale.ROOT));
    }

    private boolean readsDialectName(List<Token> expr, Scope scope, int depth) {
        if (depth > 3) {
            return false;
        }
        for (int k = 0; k + 2 < expr.size(); k++) {
            if (expr.get(k).is("dialect") && expr.get(k + 1).is(".") && expr.get(k + 2).is("name")) {
                return true;
            }
        }
        if (expr.size() == 1 && expr.get(0).isName()) {
            Bound b = scope.lookup(expr.get(0).text());
            return b != null && readsDialectName(b.tokens(), b.scope(), depth + 1);
        }
        if (expr.size() == 3 && expr.get(0).isName() && expr.get(1).is("(") && expr.get(2).is(")")) {
            PyStatement def = defs.get(expr.get(0).text());
            if (def == null) {
                return false;
            }
            for (PyStatement st : def.body()) {
                if (st.startsWith("return") && readsDialectName(st.head().subList(1, st.head().size()), scope,
                        depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A condition on which database or mode the migration runs against, not on what the data holds. */
    private static boolean aboutDialect(List<Token> h) {
        for (Token t : h) {
            if ((t.isName() || t.kind() == Kind.STRING) && DIALECT_WORDS.contains(
                    (t.isName() ? t.text() : t.value()).toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** Inside the body of a check on the data ({@code if get_config(k) is None:}): inserts there skip existing rows. */
    private List<SchemaChange> checked(List<SchemaChange> effects) {
        if (checks == 0 || effects == null) {
            return effects;
        }
        List<SchemaChange> out = new ArrayList<>();
        for (SchemaChange c : effects) {
            out.add(c.act() == Act.DATA && "INSERT".equals(c.name()) ? c.withGuard(true) : c);
        }
        return out;
    }

    private Map<String, String> batchAliases(List<Token> h, Map<String, String> aliases, Scope scope) {
        Map<String, String> inner = new HashMap<>(aliases);
        for (int k = 0; k + 4 < h.size(); k++) {
            if (h.get(k).is("op") && h.get(k + 1).is(".") && h.get(k + 2).is("batch_alter_table")
                    && h.get(k + 3).is("(")) {
                int close = PyStatement.matching(h, k + 3);
                List<OpCall.Arg> args = args(h.subList(k + 4, Math.min(close, h.size())), scope);
                String table = null;
                String schema = null;
                for (int a = 0, pos = 0; a < args.size(); a++) {
                    OpCall.Arg arg = args.get(a);
                    if ((arg.keyword() == null && pos++ == 0) || "table_name".equals(arg.keyword())) {
                        table = arg.string();
                    } else if ("schema".equals(arg.keyword())) {
                        schema = arg.string();
                    }
                }
                if (table != null && schema != null && !schema.isEmpty() && !schema.equals("public")) {
                    table = schema + "." + table;
                }
                if (close + 2 < h.size() && h.get(close + 1).is("as") && h.get(close + 2).isName()) {
                    inner.put(h.get(close + 2).text(), table == null ? "?" : table);
                }
            }
        }
        return inner;
    }

    /** {@code for x in ("a", "b"):} — the body once per item, with x bound to it. */
    private boolean unroll(PyStatement st, Map<String, String> aliases, Scope scope) {
        List<Token> h = st.head();
        int in = -1;
        for (int k = 1; k < h.size(); k++) {
            if (h.get(k).is("in")) {
                in = k;
                break;
            }
        }
        int colon = h.size() - 1;
        if (in < 2 || !h.get(colon).is(":")) {
            return false;
        }
        List<Token> target = h.subList(1, in);
        if (target.size() > 2 && target.get(0).is("(") && target.get(target.size() - 1).is(")")) {
            target = target.subList(1, target.size() - 1);
        }
        List<String> names = new ArrayList<>();
        for (List<Token> part : PyStatement.splitCommas(target)) {
            if (part.size() != 1 || !part.get(0).isName()) {
                return false;
            }
            names.add(part.get(0).text());
        }
        List<List<Token>> items = sequence(h.subList(in + 1, colon), scope, 0);
        if (items == null || items.isEmpty() || items.size() > MAX_UNROLL) {
            return false;
        }
        for (List<Token> item : items) {
            Scope s = new Scope(scope);
            if (names.size() == 1) {
                s.put(names.get(0), item, scope);
            } else {
                List<List<Token>> parts = sequence(item, scope, 0);
                if (parts == null || parts.size() != names.size()) {
                    return false;
                }
                for (int k = 0; k < names.size(); k++) {
                    s.put(names.get(k), parts.get(k), scope);
                }
            }
            scan(st.body(), aliases, s);
        }
        return true;
    }

    /** The items of a literal tuple/list/set, directly or through a name; null when not one. */
    private static List<List<Token>> sequence(List<Token> e, Scope scope, int depth) {
        if (e.isEmpty() || depth > MAX_EVAL_DEPTH) {
            return null;
        }
        if (e.size() == 1 && e.get(0).isName()) {
            Bound b = scope.lookup(e.get(0).text());
            return b == null ? null : sequence(b.tokens(), b.scope(), depth + 1);
        }
        boolean bracketed = (e.get(0).is("(") || e.get(0).is("[") || e.get(0).is("{"))
                && PyStatement.matching(e, 0) == e.size() - 1;
        List<Token> inner = bracketed ? e.subList(1, e.size() - 1) : e;
        if (!bracketed && PyStatement.indexOfTopLevel(e, ",", 0) < 0) {
            return null;
        }
        List<List<Token>> items = PyStatement.splitCommas(inner);
        for (List<Token> item : items) {
            if (PyStatement.indexOfTopLevel(item, "for", 0) >= 0) {
                return null; // a comprehension
            }
            for (Token t : item) {
                if (t.is("for")) {
                    return null;
                }
            }
        }
        return items;
    }

    private List<OpCall.Arg> args(List<Token> inside, Scope scope) {
        List<OpCall.Arg> out = new ArrayList<>();
        for (List<Token> part : PyStatement.splitCommas(inside)) {
            out.add(OpCall.parseArg(part, v -> stringValue(v, scope)));
        }
        return out;
    }

    private void tokens(List<Token> h, Map<String, String> aliases, Scope scope, boolean simple) {
        for (int k = 0; k < h.size(); k++) {
            Token t = h.get(k);
            if (!t.isName() || (k > 0 && h.get(k - 1).is("."))) {
                continue;
            }
            if (k + 3 < h.size() && h.get(k + 1).is(".") && h.get(k + 2).isName() && h.get(k + 3).is("(")) {
                String recv = t.text();
                String meth = h.get(k + 2).text();
                int close = PyStatement.matching(h, k + 3);
                List<Token> inside = h.subList(k + 4, Math.min(close, h.size()));
                if (recv.equals("op")) {
                    if (meth.equals("get_bind") && close + 3 < h.size() && h.get(close + 1).is(".")
                            && (h.get(close + 2).is("execute") || h.get(close + 2).is("exec_driver_sql"))
                            && h.get(close + 3).is("(")) {
                        int c2 = PyStatement.matching(h, close + 3);
                        List<Token> in = h.subList(close + 4, Math.min(c2, h.size()));
                        ops.add(new OpCall("execute", h.get(close + 2).line(), args(in, scope), null,
                                checked(execute(in, scope))));
                    } else if (!NON_OPERATIONS.contains(meth)) {
                        List<SchemaChange> effects = switch (meth) {
                            case "execute" -> checked(execute(inside, scope));
                            case "bulk_insert" -> checked(bulkInsert(inside, scope));
                            default -> null;
                        };
                        ops.add(new OpCall(meth, t.line(), args(inside, scope), null, effects, checks > 0));
                    }
                } else if (aliases.containsKey(recv)) {
                    ops.add(new OpCall(meth, t.line(), args(inside, scope), aliases.get(recv),
                            meth.equals("execute") ? checked(execute(inside, scope)) : null, checks > 0));
                } else if (binds.contains(recv) && (meth.equals("execute") || meth.equals("exec_driver_sql"))) {
                    ops.add(new OpCall("execute", t.line(), args(inside, scope), null,
                            checked(execute(inside, scope))));
                } else if (k == 0 && simple && !BENIGN_CALLS.contains(recv) && !recv.equals("sa")
                        && !recv.equals("context") && !binds.contains(recv)) {
                    foreignCall = true;
                    calls.add(new OpCall(recv + "." + meth, t.line(), args(inside, scope), null, null));
                }
                continue;
            }
            if (k + 1 < h.size() && h.get(k + 1).is("(")) {
                String name = t.text();
                PyStatement helper = defs.get(name);
                int close = PyStatement.matching(h, k + 1);
                List<Token> inside = h.subList(k + 2, Math.min(close, h.size()));
                if (helper != null && !visiting.contains(name) && visiting.size() < 8) {
                    visiting.add(name);
                    follow(helper, inside, scope);
                    visiting.remove(name);
                } else if (helper == null && k == 0 && simple && !BENIGN_CALLS.contains(name)) {
                    foreignCall = true;
                    calls.add(new OpCall(name, t.line(), args(inside, scope), null, null));
                }
            }
        }
    }

    /** Scans a module helper's body with its parameters bound to the call's arguments. */
    private void follow(PyStatement helper, List<Token> callArgs, Scope caller) {
        List<Token> head = helper.head();
        int open = 2 < head.size() && head.get(2).is("(") ? 2 : -1;
        int close = open < 0 ? 1 : PyStatement.matching(head, open);
        Scope s = new Scope(caller.root());
        if (open >= 0) {
            List<String> params = new ArrayList<>();
            for (List<Token> p : PyStatement.splitCommas(head.subList(open + 1, Math.min(close, head.size())))) {
                if (!p.isEmpty() && p.get(0).isName()) {
                    params.add(p.get(0).text());
                    int eq = PyStatement.indexOfTopLevel(p, "=", 1);
                    if (eq > 0 && eq + 1 < p.size()) {
                        s.put(p.get(0).text(), p.subList(eq + 1, p.size()), caller.root());
                    }
                } else {
                    params.add(null); // *args, **kwargs, /, *
                }
            }
            int pos = 0;
            for (List<Token> a : PyStatement.splitCommas(callArgs)) {
                if (a.size() > 2 && a.get(0).isName() && a.get(1).is("=")) {
                    s.put(a.get(0).text(), a.subList(2, a.size()), caller);
                } else if (!a.isEmpty() && !a.get(0).is("*") && !a.get(0).is("**")) {
                    if (pos < params.size() && params.get(pos) != null) {
                        s.put(params.get(pos), a, caller);
                    }
                    pos++;
                }
            }
        }
        List<PyStatement> body = new ArrayList<>(helper.body());
        int colon = PyStatement.indexOfTopLevel(head, ":", Math.min(close + 1, head.size()));
        if (colon >= 0 && colon + 1 < head.size()) {
            body.add(0, new PyStatement(head.subList(colon + 1, head.size()), List.of()));
        }
        Set<String> savedBinds = new HashSet<>(binds);
        scan(body, Map.of(), s);
        binds.clear();
        binds.addAll(savedBinds);
    }

    // ---- evaluation ----

    /** The string an expression evaluates to (interpolated parts as {@link SqlScript#HOLE}), or null. */
    static String stringValue(List<Token> e, Scope scope) {
        return str(e, scope, 0);
    }

    private static String str(List<Token> e, Scope scope, int depth) {
        if (e.isEmpty() || depth > MAX_EVAL_DEPTH) {
            return null;
        }
        while (e.size() >= 2 && e.get(0).is("(") && PyStatement.matching(e, 0) == e.size() - 1) {
            e = e.subList(1, e.size() - 1);
            if (e.isEmpty()) {
                return null;
            }
        }
        boolean allStrings = true;
        for (Token t : e) {
            if (t.kind() != Kind.STRING) {
                allStrings = false;
                break;
            }
        }
        if (allStrings) {
            StringBuilder sb = new StringBuilder();
            for (Token t : e) {
                if (sb.length() >= MAX_STRING) {
                    break;
                }
                sb.append(t.fString() ? fString(t.value(), scope, depth) : t.value());
            }
            return sb.toString();
        }
        if (e.size() == 1 && e.get(0).isName()) {
            Bound b = scope == null ? null : scope.lookup(e.get(0).text());
            return b == null ? null : str(b.tokens(), b.scope(), depth + 1);
        }
        int plus = PyStatement.indexOfTopLevel(e, "+", 0);
        if (plus > 0) {
            StringBuilder sb = new StringBuilder();
            int start = 0;
            boolean any = false;
            while (start <= e.size() && sb.length() < MAX_STRING) {
                int p = PyStatement.indexOfTopLevel(e, "+", start);
                int end = p < 0 ? e.size() : p;
                String part = str(e.subList(start, end), scope, depth + 1);
                any |= part != null;
                sb.append(part == null ? String.valueOf(SqlScript.HOLE) : part);
                if (p < 0) {
                    break;
                }
                start = p + 1;
            }
            return any ? sb.toString() : null;
        }
        int pct = PyStatement.indexOfTopLevel(e, "%", 0);
        if (pct > 0) {
            String left = str(e.subList(0, pct), scope, depth + 1);
            return left == null ? null : left.replaceAll("%(\\([^)]*\\))?[sdrf]", String.valueOf(SqlScript.HOLE));
        }
        List<Seg> chain = chain(e);
        if (chain != null) {
            Seg first = chain.get(0);
            String last = first.last();
            if (first.args() != null && (last.equals("text") || last.equals("DDL") || last.equals("dedent")
                    || last.equals("literal_column") || last.equals("quoted_name") || last.equals("f")
                    || last.equals("TextClause"))) {
                List<List<Token>> a = PyStatement.splitCommas(first.args());
                return a.isEmpty() ? null : str(a.get(0), scope, depth + 1);
            }
        }
        // "…".format(…), "…".strip(), x.strip(): the receiver's text
        if (e.size() > 3 && e.get(e.size() - 1).is(")")) {
            int open = openingOf(e, e.size() - 1);
            if (open >= 2 && e.get(open - 1).isName() && e.get(open - 2).is(".")) {
                String meth = e.get(open - 1).text();
                if (Set.of("format", "strip", "lstrip", "rstrip", "replace", "upper", "lower").contains(meth)) {
                    String recv = str(e.subList(0, open - 2), scope, depth + 1);
                    if (recv != null && meth.equals("format")) {
                        return fString(recv, null, depth);
                    }
                    return recv;
                }
            }
        }
        return null;
    }

    private static int openingOf(List<Token> e, int close) {
        int depth = 0;
        for (int k = close; k >= 0; k--) {
            Token t = e.get(k);
            if (t.is(")") || t.is("]") || t.is("}")) {
                depth++;
            } else if (t.is("(") || t.is("[") || t.is("{")) {
                depth--;
                if (depth == 0) {
                    return k;
                }
            }
        }
        return -1;
    }

    /** An f-string's (or format template's) text with {@code {name}} filled in where the name is a known string. */
    private static String fString(String raw, Scope scope, int depth) {
        StringBuilder sb = new StringBuilder();
        int n = raw.length();
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c == '{' && i + 1 < n && raw.charAt(i + 1) == '{') {
                sb.append('{');
                i++;
            } else if (c == '}' && i + 1 < n && raw.charAt(i + 1) == '}') {
                sb.append('}');
                i++;
            } else if (c == '{') {
                int end = raw.indexOf('}', i);
                if (end < 0) {
                    sb.append(SqlScript.HOLE);
                    break;
                }
                String expr = raw.substring(i + 1, end).strip();
                String value = null;
                if (scope != null && expr.matches("[A-Za-z_][A-Za-z_0-9]*")) {
                    Bound b = scope.lookup(expr);
                    value = b == null ? null : str(b.tokens(), b.scope(), depth + 1);
                }
                sb.append(value == null ? String.valueOf(SqlScript.HOLE) : value);
                if (sb.length() >= MAX_STRING) {
                    break;
                }
                i = end;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** One link of a call chain: {@code sa.text} with its arguments, or {@code bindparams(…)}. */
    private record Seg(String name, List<Token> args) {
        String last() {
            int dot = name.lastIndexOf('.');
            return dot < 0 ? name : name.substring(dot + 1);
        }

        String root() {
            int dot = name.indexOf('.');
            return dot < 0 ? name : name.substring(0, dot);
        }
    }

    /** {@code a.b(x).c(y)} as links, or null when the expression is not a plain chain of names and calls. */
    private static List<Seg> chain(List<Token> e) {
        List<Seg> out = new ArrayList<>();
        int i = 0;
        int n = e.size();
        if (n == 0 || !e.get(0).isName()) {
            return null;
        }
        StringBuilder name = new StringBuilder(e.get(0).text());
        i = 1;
        while (i + 1 < n && e.get(i).is(".") && e.get(i + 1).isName()) {
            name.append('.').append(e.get(i + 1).text());
            i += 2;
        }
        while (true) {
            if (i < n && e.get(i).is("(")) {
                int close = PyStatement.matching(e, i);
                out.add(new Seg(name.toString(), e.subList(i + 1, Math.min(close, n))));
                i = close + 1;
            } else {
                out.add(new Seg(name.toString(), null));
            }
            if (i >= n) {
                return out;
            }
            if (i + 1 < n && e.get(i).is(".") && e.get(i + 1).isName()) {
                name = new StringBuilder(e.get(i + 1).text());
                i += 2;
            } else {
                return null;
            }
        }
    }

    private static final Set<String> TABLE_FACTORIES = Set.of("table", "Table", "create_table");

    /** The table an expression names: a string, {@code sa.table("x", …)}, or a name bound to either. */
    static String tableOf(List<Token> e, Scope scope, int depth) {
        if (e.isEmpty() || depth > MAX_EVAL_DEPTH) {
            return null;
        }
        if (e.size() == 1 && e.get(0).isName()) {
            Bound b = scope == null ? null : scope.lookup(e.get(0).text());
            return b == null ? null : tableOf(b.tokens(), b.scope(), depth + 1);
        }
        String s = str(e, scope, depth + 1);
        if (s != null) {
            return s.indexOf(SqlScript.HOLE) >= 0 ? null : s.toLowerCase(Locale.ROOT);
        }
        List<Seg> chain = chain(e);
        if (chain != null && chain.get(0).args() != null && TABLE_FACTORIES.contains(chain.get(0).last())) {
            List<List<Token>> a = PyStatement.splitCommas(chain.get(0).args());
            String t = a.isEmpty() ? null : str(a.get(0), scope, depth + 1);
            return t == null || t.indexOf(SqlScript.HOLE) >= 0 ? null : t.toLowerCase(Locale.ROOT);
        }
        if (chain != null && chain.size() == 1 && chain.get(0).args() == null && e.size() == 3
                && e.get(0).isName() && e.get(2).isName() && !e.get(2).text().startsWith("_")) {
            return e.get(2).text().toLowerCase(Locale.ROOT); // tables.users: a namespace of tables by name
        }
        return null;
    }

    private List<SchemaChange> bulkInsert(List<Token> inside, Scope scope) {
        List<List<Token>> a = PyStatement.splitCommas(inside);
        String table = a.isEmpty() ? null : tableOf(a.get(0), scope, 0);
        return List.of(new SchemaChange(Act.DATA, SchemaChange.Kind.ROWS, table, "INSERT", null, List.of(), null,
                false, "op.bulk_insert into " + (table == null ? "a table" : table), List.of()));
    }

    /** What the SQL or SQLAlchemy construct passed to {@code execute} does. */
    static List<SchemaChange> execute(List<Token> inside, Scope scope) {
        List<List<Token>> a = PyStatement.splitCommas(inside);
        if (a.isEmpty()) {
            return List.of(unknown());
        }
        List<Token> first = a.get(0);
        if (first.size() > 2 && first.get(0).isName() && first.get(1).is("=")) {
            first = first.subList(2, first.size()); // sqltext=…, statement=…
        }
        return effects(first, scope, 0);
    }

    private static SchemaChange unknown() {
        return SchemaChange.of(Act.UNKNOWN, SchemaChange.Kind.OTHER, null, null, null);
    }

    private static List<SchemaChange> effects(List<Token> e, Scope scope, int depth) {
        if (e.isEmpty() || depth > MAX_EVAL_DEPTH) {
            return List.of(unknown());
        }
        String sql = str(e, scope, depth + 1);
        if (sql != null) {
            List<SchemaChange> read = SqlScript.read(sql);
            return read.isEmpty() ? List.of(SchemaChange.of(Act.NEUTRAL, SchemaChange.Kind.OTHER, null, null, ""))
                    : read;
        }
        if (e.size() == 1 && e.get(0).isName()) {
            Bound b = scope == null ? null : scope.lookup(e.get(0).text());
            return b == null ? List.of(unknown()) : effects(b.tokens(), b.scope(), depth + 1);
        }
        List<Seg> chain = chain(e);
        if (chain == null) {
            return List.of(unknown());
        }
        // t.update()…, sa.update(t)…, sa.select(…), CreateSequence(Sequence("x")), …
        for (int k = 0; k < chain.size(); k++) {
            Seg s = chain.get(k);
            String last = s.last();
            if (s.args() == null) {
                continue;
            }
            String verb = switch (last) {
                case "update" -> "UPDATE";
                case "insert" -> "INSERT";
                case "delete" -> "DELETE";
                case "select", "exists", "union", "union_all" -> "SELECT";
                default -> null;
            };
            if (verb != null) {
                if (verb.equals("SELECT")) {
                    return List.of(SchemaChange.of(Act.NEUTRAL, SchemaChange.Kind.OTHER, null, null, "SELECT"));
                }
                String table = null;
                if (k == 0 && s.name().contains(".") && !s.root().equals("sa") && !s.root().equals("sqlalchemy")) {
                    // users.update(): the receiver is the table
                    String recv = s.name().substring(0, s.name().lastIndexOf('.'));
                    if (!recv.contains(".")) {
                        table = tableOf(List.of(new Token(Kind.NAME, recv, recv, 0, false)), scope, depth + 1);
                    }
                } else {
                    List<List<Token>> a = PyStatement.splitCommas(s.args());
                    table = a.isEmpty() ? null : tableOf(a.get(0), scope, depth + 1);
                }
                // .values(a=…, b=…) names the columns set; .where(t.c.a == None) keeps rows where a is NULL
                List<String> cols = new ArrayList<>();
                Set<String> nullTested = new java.util.HashSet<>();
                for (int j = k; j < chain.size(); j++) {
                    Seg x = chain.get(j);
                    if (x.args() == null) {
                        continue;
                    }
                    if (x.last().equals("values")) {
                        for (List<Token> a : PyStatement.splitCommas(x.args())) {
                            if (a.size() > 2 && a.get(0).isName() && a.get(1).is("=")) {
                                cols.add(a.get(0).text().toLowerCase(Locale.ROOT));
                            }
                        }
                    } else if (x.last().equals("where") || x.last().equals("filter")) {
                        nullTested.addAll(nullTests(x.args()));
                    }
                }
                SchemaChange c = new SchemaChange(Act.DATA, SchemaChange.Kind.ROWS, table, verb, null, cols, null,
                        false, verb + (table == null ? "" : " " + table), List.of());
                if (verb.equals("UPDATE") && !cols.isEmpty() && cols.stream().anyMatch(nullTested::contains)) {
                    c = c.withCtype("fill");
                } else if (verb.equals("DELETE") && !nullTested.isEmpty()) {
                    c = c.withCtype("cleanup");
                }
                return List.of(c);
            }
            SchemaChange ddl = ddlConstruct(last, s.args(), scope, depth);
            if (ddl != null) {
                return List.of(ddl);
            }
        }
        return List.of(unknown());
    }

    /** Columns a SQLAlchemy condition compares with None: {@code t.c.a == None}, {@code t.c.a.is_(None)}. */
    private static Set<String> nullTests(List<Token> cond) {
        Set<String> out = new java.util.HashSet<>();
        for (int i = 0; i < cond.size(); i++) {
            Token t = cond.get(i);
            boolean eqNone = (t.is("==")) && i + 1 < cond.size() && cond.get(i + 1).is("None");
            boolean isNone = t.is("is_") && i + 3 < cond.size() && cond.get(i + 1).is("(")
                    && (cond.get(i + 2).is("None") || cond.get(i + 2).is("null") || cond.get(i + 2).is("sa"));
            if (!eqNone && !isNone) {
                continue;
            }
            int nameAt = eqNone ? i - 1 : i - 2;
            if (nameAt >= 0 && cond.get(nameAt).isName()) {
                out.add(cond.get(nameAt).text().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** {@code CreateSequence(Sequence("x"))}, {@code DropTable(t)}, … from {@code sqlalchemy.schema}. */
    private static SchemaChange ddlConstruct(String name, List<Token> args, Scope scope, int depth) {
        Act act;
        SchemaChange.Kind kind;
        switch (name) {
            case "CreateSequence" -> { act = Act.CREATE; kind = SchemaChange.Kind.SEQUENCE; }
            case "DropSequence" -> { act = Act.DROP; kind = SchemaChange.Kind.SEQUENCE; }
            case "CreateTable" -> { act = Act.CREATE; kind = SchemaChange.Kind.TABLE; }
            case "DropTable" -> { act = Act.DROP; kind = SchemaChange.Kind.TABLE; }
            case "CreateSchema" -> { act = Act.CREATE; kind = SchemaChange.Kind.SCHEMA; }
            case "DropSchema" -> { act = Act.DROP; kind = SchemaChange.Kind.SCHEMA; }
            case "CreateIndex" -> { act = Act.CREATE; kind = SchemaChange.Kind.INDEX; }
            case "DropIndex" -> { act = Act.DROP; kind = SchemaChange.Kind.INDEX; }
            default -> {
                return null;
            }
        }
        List<List<Token>> a = PyStatement.splitCommas(args);
        String objName = null;
        if (!a.isEmpty()) {
            List<Token> x = a.get(0);
            List<Seg> c = chain(x);
            if (c != null && c.get(0).args() != null) {
                List<List<Token>> inner = PyStatement.splitCommas(c.get(0).args());
                objName = inner.isEmpty() ? null : str(inner.get(0), scope, depth + 1);
            } else {
                objName = kind == SchemaChange.Kind.TABLE ? tableOf(x, scope, depth + 1) : str(x, scope, depth + 1);
            }
        }
        if (objName != null && objName.indexOf(SqlScript.HOLE) >= 0) {
            objName = null;
        }
        return SchemaChange.of(act, kind, null, objName == null ? null : objName.toLowerCase(Locale.ROOT),
                name + "(" + (objName == null ? "…" : objName) + ")");
    }
}
