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
 */
public record OpCall(String name, int line, List<Arg> args, String batchTable) {

    /**
     * A call argument.
     *
     * @param keyword      the keyword for {@code kw=value}, else null
     * @param text         the argument's source text, shortened
     * @param string       the value if it is a string literal (also {@code op.f("x")}, {@code sa.text("x")}), else null
     * @param none         whether it is {@code None}
     * @param callFirstStr for a call argument like {@code sa.Column("name", …)} its first string argument, else null
     * @param callName     for a call argument, the called name's last part ({@code Column}, {@code table}), else null
     */
    public record Arg(String keyword, String text, String string, boolean none, String callFirstStr, String callName) {
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
        String string = stringLiteral(value);
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
                callFirst = stringLiteral(inner.get(0));
            }
            if (string == null && (callName.equals("f") || callName.equals("text") || callName.equals("quoted_name")
                    || callName.equals("literal_column")) && close == value.size() - 1) {
                string = callFirst;
            }
        }
        return new Arg(keyword, text.toString(), string, none, callFirst, callName);
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
