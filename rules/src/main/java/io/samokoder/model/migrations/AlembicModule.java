package io.samokoder.model.migrations;

import io.samokoder.model.migrations.PyTokenizer.Kind;
import io.samokoder.model.migrations.PyTokenizer.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Alembic revision module read as Python text, never executed: the module-level {@code revision},
 * {@code down_revision}, {@code branch_labels} and {@code depends_on} (plain or annotated assignments) and the
 * operations of {@code upgrade()} and {@code downgrade()}.
 */
public final class AlembicModule {

    /** A module-level literal. */
    public record Value(Type type, List<String> items, int line) {
        public enum Type { ABSENT, NONE, STRING, SEQUENCE, OTHER }

        static final Value ABSENT = new Value(Type.ABSENT, List.of(), 0);

        /** The revision ids named (empty for None/absent/non-literal; empty strings dropped). */
        public List<String> ids() {
            return items.stream().filter(i -> !i.isEmpty()).toList();
        }

        /**
         * Whether Alembic reads this down_revision as "no parent": None, and also {@code ""}, {@code ()} and
         * {@code []}, which its {@code tuple_rev_as_scalar} turns into None.
         */
        public boolean isBase() {
            return type == Type.NONE || ((type == Type.STRING || type == Type.SEQUENCE) && ids().isEmpty());
        }

        public boolean isLiteral() {
            return type != Type.OTHER;
        }
    }

    /**
     * A module-level function.
     *
     * @param trivial     the body does nothing: only {@code pass}, {@code ...}, a docstring, or a {@code raise}
     * @param trivialKind what the trivial body consists of ("pass", "a docstring", "raise NotImplementedError", …)
     * @param ops         Alembic operations, in source order (helpers defined in the module are followed)
     * @param opaque      does no Alembic operation itself but calls code defined elsewhere, so nothing can be said
     */
    public record Function(String name, int line, boolean trivial, String trivialKind, List<OpCall> ops,
                           boolean opaque) {
    }

    private static final Set<String> NON_OPERATIONS = Set.of("f", "get_bind", "get_context", "inline_literal",
            "batch_alter_table", "implementation_for", "register_operation", "invoke", "run_async");
    private static final Set<String> BENIGN_CALLS = Set.of("print", "logger", "log", "logging", "warnings", "pass");

    private final String path;
    private final String error;
    private final int errorLine;
    private final Value revision;
    private final Value downRevision;
    private final Value branchLabels;
    private final Value dependsOn;
    private final Function upgrade;
    private final Function downgrade;

    private AlembicModule(String path, String error, int errorLine, Map<String, Value> vars, Function upgrade,
                          Function downgrade) {
        this.path = path;
        this.error = error;
        this.errorLine = errorLine;
        this.revision = vars.getOrDefault("revision", Value.ABSENT);
        this.downRevision = vars.getOrDefault("down_revision", Value.ABSENT);
        this.branchLabels = vars.getOrDefault("branch_labels", Value.ABSENT);
        this.dependsOn = vars.getOrDefault("depends_on", Value.ABSENT);
        this.upgrade = upgrade;
        this.downgrade = downgrade;
    }

    public String path() {
        return path;
    }

    /** The syntax error Python would raise importing this module, or null. */
    public String error() {
        return error;
    }

    public int errorLine() {
        return errorLine;
    }

    public Value revision() {
        return revision;
    }

    /** The revision id, or null when absent or not a string literal. */
    public String revisionId() {
        return revision.type() == Value.Type.STRING ? revision.items().get(0) : null;
    }

    public Value downRevision() {
        return downRevision;
    }

    public Value branchLabels() {
        return branchLabels;
    }

    public Value dependsOn() {
        return dependsOn;
    }

    /** {@code upgrade()}, or null when the module defines none. */
    public Function upgrade() {
        return upgrade;
    }

    /** {@code downgrade()}, or null when the module defines none. */
    public Function downgrade() {
        return downgrade;
    }

    /** Parses module text. Never throws. */
    public static AlembicModule parse(String path, String text) {
        PyTokenizer.Result tokens = PyTokenizer.tokenize(text);
        List<PyStatement> stmts = PyStatement.parse(tokens.tokens());
        Map<String, Value> vars = new HashMap<>();
        Map<String, PyStatement> defs = new HashMap<>();
        for (PyStatement st : stmts) {
            List<Token> h = st.head();
            if (h.isEmpty()) {
                continue;
            }
            if (h.get(0).is("def") && h.size() > 1 && h.get(1).isName()) {
                defs.put(h.get(1).text(), st);
                continue;
            }
            if (h.get(0).isName() && h.size() > 2 && (h.get(1).is("=") || h.get(1).is(":"))) {
                String name = h.get(0).text();
                if (!name.equals("revision") && !name.equals("down_revision") && !name.equals("branch_labels")
                        && !name.equals("depends_on")) {
                    continue;
                }
                int eq = PyStatement.indexOfTopLevel(h, "=", 1);
                if (eq < 0) {
                    continue; // annotation without value
                }
                int last = eq;
                int next;
                while ((next = PyStatement.indexOfTopLevel(h, "=", last + 1)) >= 0) {
                    last = next;
                }
                vars.put(name, literal(h.subList(last + 1, h.size()), h.get(0).line()));
            }
        }
        Function up = defs.containsKey("upgrade") ? function(defs.get("upgrade"), defs) : null;
        Function down = defs.containsKey("downgrade") ? function(defs.get("downgrade"), defs) : null;
        return new AlembicModule(path, tokens.error(), tokens.errorLine(), vars, up, down);
    }

    static Value literal(List<Token> value, int line) {
        List<Token> t = value;
        if (t.isEmpty()) {
            return new Value(Value.Type.OTHER, List.of(), line);
        }
        if (t.size() == 1 && t.get(0).is("None")) {
            return new Value(Value.Type.NONE, List.of(), line);
        }
        String s = OpCall.stringLiteral(t);
        if (s != null) {
            return new Value(Value.Type.STRING, List.of(s), line);
        }
        boolean bracketed = (t.get(0).is("(") || t.get(0).is("[") || t.get(0).is("{"))
                && PyStatement.matching(t, 0) == t.size() - 1;
        List<Token> inner = bracketed ? t.subList(1, t.size() - 1) : t;
        if (!bracketed && PyStatement.indexOfTopLevel(t, ",", 0) < 0) {
            return new Value(Value.Type.OTHER, List.of(), line);
        }
        List<String> items = new ArrayList<>();
        for (List<Token> part : PyStatement.splitCommas(inner)) {
            String item = OpCall.stringLiteral(part);
            if (item == null) {
                return new Value(Value.Type.OTHER, List.of(), line);
            }
            items.add(item);
        }
        return new Value(Value.Type.SEQUENCE, List.copyOf(items), line);
    }

    private static Function function(PyStatement def, Map<String, PyStatement> defs) {
        List<Token> h = def.head();
        String name = h.get(1).text();
        List<PyStatement> body = new ArrayList<>();
        int open = 2 < h.size() && h.get(2).is("(") ? 2 : -1;
        int afterParams = open < 0 ? 2 : PyStatement.matching(h, open) + 1;
        int colon = PyStatement.indexOfTopLevel(h, ":", Math.min(afterParams, h.size()));
        if (colon >= 0 && colon + 1 < h.size()) {
            body.add(new PyStatement(h.subList(colon + 1, h.size()), List.of()));
        }
        body.addAll(def.body());
        String trivialKind = trivialKind(body);
        List<OpCall> ops = new ArrayList<>();
        Set<String> visiting = new HashSet<>();
        visiting.add(name);
        boolean[] foreignCall = {false};
        scan(body, Map.of(), new HashSet<>(), ops, defs, visiting, foreignCall);
        boolean opaque = ops.isEmpty() && foreignCall[0];
        return new Function(name, def.line(), trivialKind != null, trivialKind, List.copyOf(ops), opaque);
    }

    /** What a body doing nothing consists of, or null when it does something. */
    private static String trivialKind(List<PyStatement> body) {
        Set<String> kinds = new java.util.LinkedHashSet<>();
        for (PyStatement st : body) {
            List<Token> h = st.head();
            if (!st.body().isEmpty() || h.isEmpty()) {
                if (h.isEmpty()) {
                    continue;
                }
                return null;
            }
            if (h.size() == 1 && h.get(0).is("pass")) {
                kinds.add("`pass`");
            } else if (h.size() == 1 && h.get(0).is("...")) {
                kinds.add("`...`");
            } else if (h.stream().allMatch(t -> t.kind() == Kind.STRING)) {
                kinds.add("a docstring");
            } else if (h.get(0).is("raise")) {
                kinds.add(h.size() > 1 && h.get(1).is("NotImplementedError") ? "`raise NotImplementedError`"
                        : "`raise`");
            } else {
                return null;
            }
        }
        return kinds.isEmpty() ? "nothing" : String.join(" and ", kinds);
    }

    private static void scan(List<PyStatement> stmts, Map<String, String> aliases, Set<String> binds,
                             List<OpCall> out, Map<String, PyStatement> defs, Set<String> visiting,
                             boolean[] foreignCall) {
        for (PyStatement st : stmts) {
            List<Token> h = st.head();
            Map<String, String> inner = aliases;
            if (st.startsWith("with") || st.startsWith("async")) {
                inner = new HashMap<>(aliases);
                for (int k = 0; k + 4 < h.size(); k++) {
                    if (h.get(k).is("op") && h.get(k + 1).is(".") && h.get(k + 2).is("batch_alter_table")
                            && h.get(k + 3).is("(")) {
                        int close = PyStatement.matching(h, k + 3);
                        List<OpCall.Arg> args = OpCall.parseArgs(h.subList(k + 4, Math.min(close, h.size())));
                        String table = null;
                        for (int a = 0, pos = 0; a < args.size(); a++) {
                            OpCall.Arg arg = args.get(a);
                            if ((arg.keyword() == null && pos++ == 0) || "table_name".equals(arg.keyword())) {
                                table = arg.string();
                            }
                        }
                        if (close + 2 < h.size() && h.get(close + 1).is("as") && h.get(close + 2).isName()) {
                            inner.put(h.get(close + 2).text(), table == null ? "?" : table);
                        }
                    }
                }
            }
            if (h.size() > 2 && h.get(0).isName() && h.get(1).is("=")) {
                for (int k = 2; k < h.size(); k++) {
                    if (h.get(k).is("get_bind") || h.get(k).is("Session") || h.get(k).is("connection")) {
                        binds.add(h.get(0).text());
                        break;
                    }
                }
            }
            tokens(h, aliases, binds, out, defs, visiting, foreignCall, st.body().isEmpty());
            scan(st.body(), inner, binds, out, defs, visiting, foreignCall);
        }
    }

    private static void tokens(List<Token> h, Map<String, String> aliases, Set<String> binds, List<OpCall> out,
                               Map<String, PyStatement> defs, Set<String> visiting, boolean[] foreignCall,
                               boolean simple) {
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
                        out.add(new OpCall("execute", h.get(close + 2).line(),
                                OpCall.parseArgs(h.subList(close + 4, Math.min(c2, h.size()))), null));
                    } else if (!NON_OPERATIONS.contains(meth)) {
                        out.add(new OpCall(meth, t.line(), OpCall.parseArgs(inside), null));
                    }
                } else if (aliases.containsKey(recv)) {
                    out.add(new OpCall(meth, t.line(), OpCall.parseArgs(inside), aliases.get(recv)));
                } else if (binds.contains(recv) && (meth.equals("execute") || meth.equals("exec_driver_sql"))) {
                    out.add(new OpCall("execute", t.line(), OpCall.parseArgs(inside), null));
                } else if (k == 0 && simple && !BENIGN_CALLS.contains(recv) && !recv.equals("sa")
                        && !recv.equals("context")) {
                    foreignCall[0] = true;
                }
                continue;
            }
            if (k + 1 < h.size() && h.get(k + 1).is("(")) {
                String name = t.text();
                PyStatement helper = defs.get(name);
                if (helper != null && !visiting.contains(name) && visiting.size() < 8) {
                    visiting.add(name);
                    List<PyStatement> body = new ArrayList<>(helper.body());
                    int colon = PyStatement.indexOfTopLevel(helper.head(), ":",
                            Math.min(PyStatement.matching(helper.head(), 2) + 1, helper.head().size()));
                    if (colon >= 0 && colon + 1 < helper.head().size()) {
                        body.add(0, new PyStatement(helper.head().subList(colon + 1, helper.head().size()), List.of()));
                    }
                    scan(body, aliases, binds, out, defs, visiting, foreignCall);
                    visiting.remove(name);
                } else if (helper == null && k == 0 && simple && !BENIGN_CALLS.contains(name)) {
                    foreignCall[0] = true;
                }
            }
        }
    }
}
