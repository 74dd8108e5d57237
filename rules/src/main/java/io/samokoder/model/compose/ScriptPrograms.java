package io.samokoder.model.compose;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Commands and program names of a shell script, as compose's {@code command:}, a Dockerfile's {@code RUN} or an
 * entrypoint script runs them. Shared by the container model and the render model, below both.
 */
public final class ScriptPrograms {

    private static final int MAX_SCRIPT = 200_000;

    private ScriptPrograms() {
    }

    private static List<String> words(String text) {
        return ShellCommands.words(text);
    }

    /**
     * The programs a script starts: the first word of each command and pipeline stage after {@code exec},
     * {@code env}, {@code NAME=value} and {@code sh -c} prefixes, by base name ({@code /bin/alertmanager} →
     * {@code alertmanager}).
     */
    public static Set<String> commandNames(String script) {
        Set<String> out = new LinkedHashSet<>();
        if (script == null || script.length() > MAX_SCRIPT) {
            return out;
        }
        for (String command : splitCommands(script)) {
            for (String stage : splitPipes(command)) {
                List<String> w = stripPrefix(words(stage));
                while (!w.isEmpty() && (basename(w.get(0)).equals("eval") || basename(w.get(0)).equals("nohup")
                        || basename(w.get(0)).equals("su-exec") || basename(w.get(0)).equals("gosu")
                        || basename(w.get(0)).equals("tini") || basename(w.get(0)).equals("dumb-init"))) {
                    w = stripPrefix(w.subList(basename(w.get(0)).equals("su-exec") || basename(w.get(0))
                            .equals("gosu") ? Math.min(2, w.size()) : 1, w.size()));
                }
                if (!w.isEmpty()) {
                    out.add(basename(w.get(0)));
                }
            }
        }
        return out;
    }

    /** Drops {@code exec}, {@code command}, {@code env} and {@code NAME=value} prefixes, and {@code sh -c}. */
    public static List<String> stripPrefix(List<String> words) {
        int i = 0;
        while (i < words.size()) {
            String w = words.get(i);
            String b = basename(w);
            if (b.equals("exec") || b.equals("command") || b.equals("env") || b.equals("then") || b.equals("do")
                    || b.equals("sudo") || b.equals("-") || b.endsWith(":") || b.isEmpty()
                    || w.matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
                i++;
            } else if ((b.equals("sh") || b.equals("bash") || b.equals("ash")) && i + 1 < words.size()
                    && words.get(i + 1).startsWith("-")) {
                i += 2;
            } else {
                break;
            }
        }
        return words.subList(i, words.size());
    }

    /** The command name of a word: path and a Makefile {@code @} prefix removed. */
    public static String basename(String word) {
        String w = word.substring(word.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        while (w.length() > 1 && w.charAt(0) == '@') {
            w = w.substring(1);
        }
        return w;
    }

    /** Commands separated by {@code &&}, {@code ||}, {@code ;} or a newline (outside quotes). */
    public static List<String> splitCommands(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (c == '\\' && quote != '\'' && i + 1 < script.length()
                    && (script.charAt(i + 1) == '\n' || script.charAt(i + 1) == '\r')) {
                i += script.charAt(i + 1) == '\r' && i + 2 < script.length() && script.charAt(i + 2) == '\n' ? 2 : 1;
                cur.append(' ');
                continue; // line continuation
            }
            if (c == '\\' && quote != '\'' && i + 1 < script.length()) {
                cur.append(c).append(script.charAt(++i));
                continue;
            }
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                cur.append(c);
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
                cur.append(c);
            } else if (c == '\n' || c == ';' || (c == '&' && i + 1 < script.length() && script.charAt(i + 1) == '&')
                    || (c == '|' && i + 1 < script.length() && script.charAt(i + 1) == '|')) {
                if (c == '&' || c == '|') {
                    i++;
                }
                if (!cur.toString().isBlank()) {
                    out.add(cur.toString());
                }
                cur.setLength(0);
            } else if (c == '#' && (cur.length() == 0 || Character.isWhitespace(cur.charAt(cur.length() - 1)))) {
                while (i + 1 < script.length() && script.charAt(i + 1) != '\n') {
                    i++;
                }
            } else {
                cur.append(c);
            }
        }
        if (!cur.toString().isBlank()) {
            out.add(cur.toString());
        }
        return out;
    }

    /** Pipeline stages of one command: {@code |} outside quotes. */
    public static List<String> splitPipes(String command) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                cur.append(c);
            } else if (c == '\'' || c == '"') {
                quote = c;
                cur.append(c);
            } else if (c == '|') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
