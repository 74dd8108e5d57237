package io.samokoder.model.migrations;

import io.samokoder.model.migrations.PyTokenizer.Kind;
import io.samokoder.model.migrations.PyTokenizer.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * One Alembic operation call in {@code upgrade()} or {@code downgrade()}: {@code op.add_column("t", sa.Column("c"))},
 * or a batch call {@code batch_op.drop_column("c")} inside {@code with op.batch_alter_table("t") as batch_op:} (then
 * {@link #batchTable()} names the table and arguments are shifted as in Alembic's batch API).
 *
 * @param name       operation name ({@code add_column}, {@code execute}, …)
 * @param line       1-based line of the call
 * @param args       arguments in order
 * @param batchTable the table of the enclosing batch context, or null for plain {@code op.} calls
 * @param effects    for {@code execute} and {@code bulk_insert}, what the SQL or construct does; else null (the
 *                   operation's name and arguments say it)
 * @param checked    runs only when a check on the database's contents passes ({@code if "t" in tables:}), like
 *                   {@code IF EXISTS}: whether the object was there is not known
 */
public record OpCall(String name, int line, List<Arg> args, String batchTable, List<SchemaChange> effects,
                     boolean checked) {

    public OpCall(String name, int line, List<Arg> args, String batchTable) {
        this(name, line, args, batchTable, null, false);
    }

    public OpCall(String name, int line, List<Arg> args, String batchTable, List<SchemaChange> effects) {
        this(name, line, args, batchTable, effects, false);
    }

    /**
     * A call argument.
     *
     * @param keyword      the keyword for {@code kw=value}, else null
     * @param text         the argument's source text, shortened
     * @param string       the value if it is a string (a literal, {@code op.f("x")}, {@code sa.text("x")}, or a name
     *                     bound to one), else null; never a string with interpolated parts
     * @param none         whether it is {@code None}
     * @param callFirstStr for a call argument like {@code sa.Column("name", …)} its first string argument, else null
     * @param callName     for a call argument, the called name's last part ({@code Column}, {@code table}), else null
     * @param strings      for a list or tuple of strings ({@code ["a", "b"]}), its items; else empty
     * @param template     the string value even when parts of it are filled in at run time (f-strings), those parts
     *                     as {@link SqlScript#HOLE}; null when not a string
     */
    public record Arg(String keyword, String text, String string, boolean none, String callFirstStr, String callName,
                      List<String> strings, String template) {

        public Arg(String keyword, String text, String string, boolean none, String callFirstStr, String callName) {
            this(keyword, text, string, none, callFirstStr, callName, List.of(), string);
        }
    }

    public boolean isBatch() {
        return batchTable != null;
    }

    /** The positional argument at {@code index} or the keyword argument {@code keyword}. */
    public Arg arg(int index, String keyword) {
        int positional = 0;
        for (Arg a : args) {
            if (a.keyword() == null) {
                if (positional == index) {
                    return a;
                }
                positional++;
            } else if (a.keyword().equals(keyword)) {
                return a;
            }
        }
        return null;
    }

    /** String value of an argument (positional for plain op calls, shifted by one for batch calls when asked). */
    public String str(int index, String keyword) {
        Arg a = arg(index, keyword);
        return a == null ? null : a.string();
    }

    static Arg parseArg(List<Token> tokens) {
        return parseArg(tokens, v -> null);
    }

    /** {@code strings} evaluates an expression that is not a literal (a name bound to a string), or gives null. */
    static Arg parseArg(List<Token> tokens, java.util.function.Function<List<Token>, String> resolve) {
        String keyword = null;
        List<Token> value = tokens;
        if (tokens.size() >= 2 && tokens.get(0).isName() && tokens.get(1).kind() == Kind.OP
                && tokens.get(1).text().equals("=")) {
            keyword = tokens.get(0).text();
            value = tokens.subList(2, tokens.size());
        }
        StringBuilder text = new StringBuilder();
        for (Token t : value) {
            if (text.length() > 80) {
                text.append("…");
                break;
            }
            text.append(t.text());
        }
        String template = stringLiteral(value);
        if (template == null && !value.isEmpty()) {
            template = resolve.apply(value);
        }
        String string = known(template);
        boolean none = value.size() == 1 && value.get(0).is("None");
        String callFirst = null;
        String callName = null;
        int paren = -1;
        for (int k = 0; k < value.size(); k++) {
            Token t = value.get(k);
            if (t.kind() == Kind.OP && t.text().equals("(")) {
                paren = k;
                break;
            }
            if (!(t.isName() || (t.kind() == Kind.OP && t.text().equals(".")))) {
                break;
            }
        }
        if (paren > 0 && value.get(paren - 1).isName()) {
            callName = value.get(paren - 1).text();
            int close = PyStatement.matching(value, paren);
            List<List<Token>> inner = PyStatement.splitCommas(value.subList(paren + 1, Math.min(close, value.size())));
            if (!inner.isEmpty()) {
                callFirst = known(stringLiteral(inner.get(0)));
                if (callFirst == null && inner.get(0).size() == 1 && inner.get(0).get(0).isName()) {
                    callFirst = known(resolve.apply(inner.get(0)));
                }
            }
            if (string == null && (callName.equals("f") || callName.equals("text") || callName.equals("quoted_name")
                    || callName.equals("literal_column")) && close == value.size() - 1) {
                string = callFirst;
            }
        }
        List<String> strings = List.of();
        if (!value.isEmpty() && (value.get(0).is("[") || value.get(0).is("("))
                && PyStatement.matching(value, 0) == value.size() - 1) {
            List<String> items = new ArrayList<>();
            for (List<Token> part : PyStatement.splitCommas(value.subList(1, value.size() - 1))) {
                String item = known(stringLiteral(part));
                if (item == null) {
                    item = known(resolve.apply(part)); // a name bound to a string, sa.text("lower(email)")
                }
                if (item == null) {
                    items = null;
                    break;
                }
                items.add(item);
            }
            strings = items == null ? List.of() : List.copyOf(items);
        }
        return new Arg(keyword, text.toString(), string, none, callFirst, callName, strings, template);
    }

    private static String known(String s) {
        return s == null || s.indexOf(SqlScript.HOLE) >= 0 ? null : s;
    }

    /** The value of an expression made only of adjacent string literals (Python concatenates them), else null. */
    static String stringLiteral(List<Token> tokens) {
        for (Token x : tokens) {
            if (x.kind() != Kind.STRING && !x.is("(") && !x.is(")")) {
                return null;
            }
        }
        List<Token> t = tokens;
        while (t.size() >= 2 && t.get(0).is("(") && PyStatement.matching(t, 0) == t.size() - 1) {
            t = t.subList(1, t.size() - 1);
        }
        if (t.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (Token x : t) {
            if (x.kind() != Kind.STRING || x.fString()) {
                return null;
            }
            sb.append(x.value());
        }
        return sb.toString();
    }

    static List<Arg> parseArgs(List<Token> inside) {
        List<Arg> args = new ArrayList<>();
        for (List<Token> part : PyStatement.splitCommas(inside)) {
            args.add(parseArg(part));
        }
        return args;
    }
}
