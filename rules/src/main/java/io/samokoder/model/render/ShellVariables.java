package io.samokoder.model.render;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shell variables a script assigns itself, substituted into its later commands, so that
 * {@code SRC=/etc/alertmanager/alertmanager.yml.src; envsubst < "$SRC" > "$DST"} names its files. Only plain
 * assignments are followed ({@code NAME=value}, {@code export NAME=value}, {@code readonly}/{@code local}); a
 * reference to a name the script does not assign keeps its {@code ${NAME:-default}} default, or stays as written.
 * Single-quoted text and {@code \$} are left alone; nothing is executed, loops and branches are read in order.
 */
public final class ShellVariables {

    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);
    private static final int MAX_VALUE = 4_096;

    private ShellVariables() {
    }

    /** The script's commands, one a line, with the variables it assigned before each command substituted. */
    public static String expand(String script) {
        Map<String, String> vars = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder();
        for (String command : RenderCommands.splitCommands(script)) {
            String expanded = substitute(command, vars);
            List<String> words = RenderCommands.words(expanded);
            int i = 0;
            if (!words.isEmpty() && List.of("export", "readonly", "local", "declare", "typeset").contains(words.get(0))) {
                i = 1;
            }
            boolean assignmentsOnly = i < words.size();
            for (int k = i; k < words.size(); k++) {
                if (!ASSIGNMENT.matcher(words.get(k)).matches()) {
                    assignmentsOnly = words.get(k).startsWith("-") && i == 1; // export -p, declare -x …
                    if (!assignmentsOnly) {
                        break;
                    }
                }
            }
            if (assignmentsOnly) {
                for (int k = i; k < words.size(); k++) {
                    Matcher m = ASSIGNMENT.matcher(words.get(k));
                    if (m.matches() && m.group(2).length() <= MAX_VALUE) {
                        vars.put(m.group(1), m.group(2));
                    }
                }
            }
            out.append(expanded).append('\n');
        }
        return out.toString();
    }

    /** {@code $NAME}, {@code ${NAME}}, {@code ${NAME:-x}}, {@code ${NAME-x}}, {@code ${NAME:=x}} outside single quotes. */
    static String substitute(String command, Map<String, String> vars) {
        if (command.indexOf('$') < 0) {
            return command;
        }
        StringBuilder out = new StringBuilder();
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\\' && !single && i + 1 < command.length()) {
                out.append(c).append(command.charAt(++i));
                continue;
            }
            if (c == '\'' && !dbl) {
                single = !single;
            } else if (c == '"' && !single) {
                dbl = !dbl;
            }
            if (c != '$' || single || i + 1 >= command.length()) {
                out.append(c);
                continue;
            }
            char n = command.charAt(i + 1);
            if (n == '{') {
                int close = command.indexOf('}', i + 2);
                if (close < 0) {
                    out.append(c);
                    continue;
                }
                String inner = command.substring(i + 2, close);
                Matcher m = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-=])(.*))?", Pattern.DOTALL).matcher(inner);
                if (!m.matches()) {
                    out.append(c);
                    continue;
                }
                String value = vars.get(m.group(1));
                if (value != null && !(value.isEmpty() && m.group(2) != null && m.group(2).startsWith(":"))) {
                    out.append(value);
                } else if (m.group(2) != null && value == null || m.group(2) != null && value.isEmpty()) {
                    out.append(m.group(3));
                } else {
                    out.append(command, i, close + 1);
                }
                i = close;
            } else if (Character.isLetter(n) || n == '_') {
                int end = i + 1;
                while (end < command.length()
                        && (Character.isLetterOrDigit(command.charAt(end)) || command.charAt(end) == '_')) {
                    end++;
                }
                String value = vars.get(command.substring(i + 1, end));
                out.append(value != null ? value : command.substring(i, end));
                i = end - 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
