package io.samokoder.model.migrations;

import io.samokoder.model.migrations.PyTokenizer.Kind;
import io.samokoder.model.migrations.PyTokenizer.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An Alembic revision module read as Python text, never executed: the module-level {@code revision},
 * {@code down_revision}, {@code branch_labels} and {@code depends_on} (plain or annotated assignments) and the
 * operations of {@code upgrade()} and {@code downgrade()}.
 */
public final class AlembicModule {

    /**
     * Revision ids one {@code revision}, {@code down_revision}, {@code branch_labels} or {@code depends_on} may
     * name. A merge names two or three parents; a tuple of 100,000 names took the revision graph 86 s and 5.3 GB.
     */
    public static final int MAX_NAMES = 1_000;

    /**
     * A module-level literal.
     *
     * @param oversize the number of items of a tuple or list longer than {@value #MAX_NAMES}, which is read as
     *                 {@link Type#OTHER} with no items; 0 otherwise
     */
    public record Value(Type type, List<String> items, int line, int oversize) {
        public enum Type { ABSENT, NONE, STRING, SEQUENCE, OTHER }

        static final Value ABSENT = new Value(Type.ABSENT, List.of(), 0);

        public Value(Type type, List<String> items, int line) {
            this(type, items, line, 0);
        }

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
     * @param raises      the exception the body raises unconditionally ({@code RuntimeError("irreversible")}), or
     *                    null
     * @param calls       calls of code defined elsewhere (name and arguments), which may do anything
     */
    public record Function(String name, int line, boolean trivial, String trivialKind, List<OpCall> ops,
                           boolean opaque, String raises, List<OpCall> calls) {

        /** Whether running it always fails: {@code alembic downgrade} stops here instead of changing anything. */
        public boolean alwaysRaises() {
            return raises != null;
        }
    }

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

    private volatile DowngradeAnalysis.Result analysis;
    private volatile NamingConvention analysedWith;

    /** What {@code downgrade()} leaves undone of {@code upgrade()}, names as given; null without an upgrade(). */
    public DowngradeAnalysis.Result analysis() {
        return analysis(NamingConvention.NONE);
    }

    /** What {@code downgrade()} leaves undone, names rendered by the convention; computed once per convention. */
    public synchronized DowngradeAnalysis.Result analysis(NamingConvention naming) {
        if (upgrade == null) {
            return null;
        }
        if (analysis == null || !naming.equals(analysedWith)) {
            analysis = DowngradeAnalysis.analyse(upgrade, downgrade, naming);
            analysedWith = naming;
        }
        return analysis;
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
        PyScan.Scope module = PyScan.moduleScope(stmts);
        Function up = defs.containsKey("upgrade") ? function(defs.get("upgrade"), defs, module) : null;
        Function down = defs.containsKey("downgrade") ? function(defs.get("downgrade"), defs, module) : null;
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
        List<List<Token>> parts = PyStatement.splitCommas(inner);
        if (parts.size() > MAX_NAMES) {
            return new Value(Value.Type.OTHER, List.of(), line, parts.size());
        }
        for (List<Token> part : parts) {
            String item = OpCall.stringLiteral(part);
            if (item == null) {
                return new Value(Value.Type.OTHER, List.of(), line);
            }
            items.add(item);
        }
        return new Value(Value.Type.SEQUENCE, List.copyOf(items), line);
    }

    private static Function function(PyStatement def, Map<String, PyStatement> defs, PyScan.Scope module) {
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
        PyScan.Result r = PyScan.scan(name, body, defs, module);
        boolean opaque = r.ops().isEmpty() && r.foreignCall();
        return new Function(name, def.line(), trivialKind != null, trivialKind, r.ops(), opaque, raises(body),
                r.calls());
    }

    /** The exception a body raises unconditionally (a top-level {@code raise}), shortened; null when none. */
    private static String raises(List<PyStatement> body) {
        for (PyStatement st : body) {
            List<Token> h = st.head();
            if (!h.isEmpty() && h.get(0).is("raise") && st.body().isEmpty()) {
                StringBuilder sb = new StringBuilder();
                for (int k = 1; k < h.size(); k++) {
                    Token t = h.get(k);
                    if (t.is("from")) {
                        break;
                    }
                    sb.append(t.kind() == Kind.STRING ? "\"" + t.value() + "\"" : t.text());
                    if (sb.length() > 100) {
                        sb.setLength(100);
                        sb.append('…');
                        break;
                    }
                }
                return sb.length() == 0 ? "raise" : sb.toString();
            }
        }
        return null;
    }

    /** What a body doing nothing consists of, or null when it does something. */
    /** {@link Function#trivialKind()} for reports in every language. */
    public static io.samokoder.i18n.Text trivialKindText(String kind) {
        if (kind == null || kind.equals("nothing")) {
            return io.samokoder.i18n.Text.of("model.trivial.nothing");
        }
        io.samokoder.i18n.Text out = null;
        for (String part : kind.split(" and ")) {
            io.samokoder.i18n.Text t = part.equals("a docstring") ? io.samokoder.i18n.Text.of("model.trivial.docstring")
                    : io.samokoder.i18n.Text.verbatim(part);
            out = out == null ? t : io.samokoder.i18n.Text.of("model.trivial.and", out, t);
        }
        return out;
    }

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
}
