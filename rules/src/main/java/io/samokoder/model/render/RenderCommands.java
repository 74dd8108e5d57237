package io.samokoder.model.render;

import io.samokoder.model.placeholders.PlaceholderScanner;

import io.samokoder.model.compose.ScriptPrograms;
import io.samokoder.model.compose.ShellCommands;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds template render steps in a shell command line or script: {@code envsubst < in > out},
 * {@code cat in | envsubst '$A $B' > out}, {@code envsubst -i in -o out}, {@code sed -e 's/…/…/' in > out},
 * {@code sed -i … file}, {@code gomplate -f in -o out}, {@code gomplate < in > out}. Commands are split at
 * {@code && || ; |} and newlines, words as a POSIX shell splits them; nothing is executed.
 */
public final class RenderCommands {

    /**
     * One step that writes a file: the tool, its input and output paths as the script names them, a variable
     * restriction, and what kind of step it is. {@link #find} returns only renders with both paths.
     */
    public record Step(String tool, String input, String output, Optional<Set<String>> only, Kind kind,
                       Set<String> fixed) {

        public Step(String tool, String input, String output, Optional<Set<String>> only) {
            this(tool, input, output, only, Kind.RENDER, Set.of());
        }

        public Step(String tool, String input, String output, Optional<Set<String>> only, Kind kind) {
            this(tool, input, output, only, kind, Set.of());
        }
    }

    /** How a step turns its input into its output. */
    public enum Kind {
        /** A template render whose substitutions are known (envsubst, sed, gomplate, dockerize, perl with %ENV). */
        RENDER,
        /** A plain copy ({@code cp}, {@code mv}, {@code cat in > out}, {@code cat <<EOF > out}). */
        COPY,
        /**
         * A rewrite this model does not follow: awk, yq, Jinja or consul-template renderers, a command run through
         * {@code eval}, or a sed script assembled at run time.
         */
        OPAQUE
    }

    private static final Set<String> TOOLS = Set.of("envsubst", "sed", "gomplate", "dockerize", "perl");
    private static final Set<String> COPIES = Set.of("cp", "mv", "cat", "install");
    private static final Set<String> OPAQUE_TOOLS = Set.of("awk", "gawk", "mawk", "nawk", "yq", "j2", "jinja2",
            "envtpl", "consul-template", "confd", "tera", "python", "python3", "ruby", "node", "jq", "m4", "tpl",
            "esh", "mo");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAX_SCRIPT = 200_000;

    private RenderCommands() {
    }

    /** Template renders with a known input and output. */
    public static List<Step> find(String script) {
        return writes(script).stream().filter(s -> s.kind() == Kind.RENDER && s.input() != null).toList();
    }

    /**
     * Every step that writes a file: renders (also with an input this model cannot name, e.g. a pipe from
     * {@code echo}), copies, and rewrites it does not follow. Steps that write only to standard output are left out.
     */
    public static List<Step> writes(String script) {
        List<Step> steps = new ArrayList<>();
        if (script == null || script.length() > MAX_SCRIPT) {
            return steps;
        }
        for (String command : splitCommands(script)) {
            List<List<String>> stages = new ArrayList<>();
            for (String stage : splitPipes(command)) {
                stages.add(words(stage));
            }
            for (int s = 0; s < stages.size(); s++) {
                List<String> w = stripPrefix(stages.get(s));
                boolean evaluated = false;
                while (!w.isEmpty() && basename(w.get(0)).equals("eval")) {
                    evaluated = true;
                    w = stripPrefix(w.subList(1, w.size()));
                }
                if (w.isEmpty()) {
                    continue;
                }
                String tool = basename(w.get(0));
                if (!TOOLS.contains(tool) && !COPIES.contains(tool) && !OPAQUE_TOOLS.contains(tool)) {
                    continue;
                }
                Redirects r = redirects(w);
                String input = r.in;
                if (input == null && s > 0) {
                    List<String> prev = stripPrefix(stages.get(s - 1));
                    if (prev.size() == 2 && basename(prev.get(0)).equals("cat")) {
                        input = prev.get(1);
                    }
                }
                String output = r.out;
                for (int t = s + 1; output == null && t < stages.size(); t++) {
                    List<String> next = stripPrefix(stages.get(t));
                    Redirects nr = redirects(next);
                    if (!next.isEmpty() && basename(next.get(0)).equals("tee") && nr.args.size() > 1) {
                        output = nr.args.get(nr.args.size() - 1);
                    } else if (nr.out != null) {
                        output = nr.out;
                    }
                }
                if (tool.equals("dockerize")) {
                    steps.addAll(dockerize(r));
                    continue;
                }
                if (COPIES.contains(tool)) {
                    copy(tool, r, output).ifPresent(steps::add);
                    continue;
                }
                if (OPAQUE_TOOLS.contains(tool)) {
                    opaque(tool, r, input, output).ifPresent(steps::add);
                    continue;
                }
                Step step = switch (tool) {
                    case "envsubst" -> envsubst(r, input, output);
                    case "sed" -> sed(r, input, output);
                    case "perl" -> perl(r, input, output);
                    default -> gomplate(r, input, output);
                };
                if (step != null && step.output() != null) {
                    if (evaluated || step.tool().equals("sed") && scriptIsVariable(w)) {
                        step = new Step(step.tool(), step.input(), step.output(), Optional.empty(), Kind.OPAQUE);
                    }
                    steps.add(step);
                }
            }
        }
        return steps;
    }

    /** {@code cp [opts] in out}, {@code mv in out}, {@code cat in > out}, {@code cat <<EOF > out}. */
    private static Optional<Step> copy(String tool, Redirects r, String output) {
        List<String> files = r.args.subList(1, r.args.size()).stream().filter(a -> !a.startsWith("-")).toList();
        if (tool.equals("cat")) {
            if (output == null) {
                return Optional.empty();
            }
            String in = files.size() == 1 && !files.get(0).startsWith("<<") ? files.get(0) : r.in;
            return Optional.of(new Step("cat", in, output, Optional.of(Set.of()), Kind.COPY));
        }
        if (files.size() != 2) {
            return Optional.empty();
        }
        String in = files.get(0);
        String out = files.get(1);
        if (out.endsWith("/")) {
            out = out + in.substring(in.lastIndexOf('/') + 1);
        }
        return Optional.of(new Step(tool, in, out, Optional.of(Set.of()), Kind.COPY));
    }

    /** A rewrite this model does not follow; its input is the redirect or the last plain argument. */
    private static Optional<Step> opaque(String tool, Redirects r, String input, String output) {
        List<String> files = r.args.subList(1, r.args.size()).stream().filter(a -> !a.startsWith("-")).toList();
        boolean inPlace = r.args.stream().anyMatch(a -> a.equals("-i") || a.equals("--inplace")
                || a.startsWith("--in-place") || a.equals("-inplace"));
        String in = input != null ? input : files.size() >= 2 || tool.equals("yq") && !files.isEmpty()
                ? files.get(files.size() - 1) : null;
        String out = output != null ? output : inPlace ? in : null;
        if (out == null) {
            return Optional.empty();
        }
        return Optional.of(new Step(tool, in, out, Optional.empty(), Kind.OPAQUE));
    }

    /** Whether sed's script is a shell variable expanded at run time ({@code sed $script file}). */
    private static boolean scriptIsVariable(List<String> words) {
        for (int i = 1; i < words.size(); i++) {
            String a = words.get(i);
            if (a.equals("-e") || a.equals("--expression")) {
                return i + 1 < words.size() && words.get(i + 1).startsWith("$");
            }
            if (!a.startsWith("-")) {
                return a.startsWith("$");
            }
        }
        return false;
    }

    private static Step envsubst(Redirects r, String input, String output) {
        String in = input;
        String out = output;
        Optional<Set<String>> only = Optional.empty();
        List<String> args = r.args;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-i") || a.equals("--input")) && i + 1 < args.size()) {
                in = args.get(++i);
            } else if ((a.equals("-o") || a.equals("--output")) && i + 1 < args.size()) {
                out = args.get(++i);
            } else if (!a.startsWith("-") && a.indexOf('$') >= 0) {
                Set<String> names = new LinkedHashSet<>();
                Matcher m = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)").matcher(a);
                while (m.find()) {
                    names.add(m.group(1));
                }
                only = Optional.of(names);
            }
        }
        return new Step("envsubst", in, out, only);
    }

    private static Step sed(Redirects r, String input, String output) {
        List<String> args = r.args;
        Set<String> names = new LinkedHashSet<>();
        List<String> expressions = new ArrayList<>();
        List<String> files = new ArrayList<>();
        boolean inPlace = false;
        boolean scriptSeen = false;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-e") || a.equals("--expression")) {
                if (i + 1 < args.size()) {
                    expressions.add(args.get(i + 1));
                    identifiers(args.get(++i), names);
                    scriptSeen = true;
                }
            } else if (a.startsWith("--expression=")) {
                expressions.add(a.substring(13));
                identifiers(a.substring(13), names);
                scriptSeen = true;
            } else if (a.startsWith("-i") || a.startsWith("--in-place")) {
                inPlace = true;
            } else if (a.startsWith("-")) {
                continue;
            } else if (!scriptSeen) {
                expressions.add(a);
                identifiers(a, names);
                scriptSeen = true;
            } else {
                files.add(a);
            }
        }
        String in = input != null ? input : files.isEmpty() ? null : files.get(files.size() - 1);
        String out = output != null ? output : inPlace ? in : null;
        Set<String> fixed = new LinkedHashSet<>();
        expressions.forEach(e -> fixedReplacements(e, fixed));
        return new Step("sed", in, out, Optional.of(names), Kind.RENDER, Set.copyOf(fixed));
    }

    /**
     * Names of {@code s<d>pattern<d>replacement<d>} commands whose replacement takes nothing from the environment
     * (no {@code $}): {@code s|\${REPEAT}|4h|g}, written after a {@code ${REPEAT:-4h}} default was applied.
     */
    static void fixedReplacements(String expression, Set<String> into) {
        int i = 0;
        int n = expression.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(expression.charAt(i)) || expression.charAt(i) == ';')) {
                i++;
            }
            if (i + 1 >= n || expression.charAt(i) != 's') {
                int next = expression.indexOf(';', i);
                if (next < 0) {
                    return;
                }
                i = next + 1;
                continue;
            }
            char d = expression.charAt(i + 1);
            if (Character.isLetterOrDigit(d) || d == '\\' || Character.isWhitespace(d)) {
                return;
            }
            String[] parts = new String[2];
            int k = i + 2;
            for (int part = 0; part < 2; part++) {
                StringBuilder sb = new StringBuilder();
                while (k < n && expression.charAt(k) != d) {
                    if (expression.charAt(k) == '\\' && k + 1 < n) {
                        sb.append(expression.charAt(k));
                        k++;
                    }
                    sb.append(expression.charAt(k));
                    k++;
                }
                parts[part] = sb.toString();
                k++;
            }
            if (parts[1] != null && parts[1].indexOf('$') < 0) {
                identifiers(parts[0], into);
            }
            while (k < n && expression.charAt(k) != ';' && expression.charAt(k) != '\n') {
                k++;
            }
            i = k + 1;
        }
    }

    private static Step gomplate(Redirects r, String input, String output) {
        String in = input;
        String out = output;
        List<String> args = r.args;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if ((a.equals("-f") || a.equals("--file")) && i + 1 < args.size()) {
                in = args.get(++i);
            } else if (a.startsWith("--file=")) {
                in = a.substring(7);
            } else if ((a.equals("-o") || a.equals("--out")) && i + 1 < args.size()) {
                out = args.get(++i);
            } else if (a.startsWith("--out=")) {
                out = a.substring(6);
            }
        }
        return new Step("gomplate", in, out, Optional.of(Set.of()));
    }

    /** {@code dockerize -template in:out …}: Go templates reading {@code .Env.NAME}, like gomplate. */
    private static List<Step> dockerize(Redirects r) {
        List<Step> out = new ArrayList<>();
        List<String> args = r.args;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            String spec = a.equals("-template") && i + 1 < args.size() ? args.get(++i)
                    : a.startsWith("-template=") ? a.substring(10) : null;
            if (spec != null && spec.indexOf(':') > 0) {
                int colon = spec.lastIndexOf(':');
                out.add(new Step("dockerize", spec.substring(0, colon), spec.substring(colon + 1), Optional.of(Set.of())));
            }
        }
        return out;
    }

    /** {@code perl -pe 's/\$\{(\w+)\}/$ENV{$1}/g' in > out}: every reference, when the script reads %ENV. */
    private static Step perl(Redirects r, String input, String output) {
        List<String> args = r.args;
        String script = null;
        List<String> files = new ArrayList<>();
        boolean inPlace = false;
        for (int i = 1; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("-") && (a.contains("e") || a.contains("E")) && i + 1 < args.size()) {
                inPlace |= a.contains("i");
                script = args.get(++i);
            } else if (a.startsWith("-")) {
                inPlace |= a.startsWith("-i");
            } else {
                files.add(a);
            }
        }
        if (script == null || !script.contains("$ENV{")) {
            return null;
        }
        String in = input != null ? input : files.isEmpty() ? null : files.get(files.size() - 1);
        String out = output != null ? output : inPlace ? in : null;
        return new Step("perl", in, out, Optional.empty());
    }

    private static void identifiers(String expression, Set<String> into) {
        Matcher m = IDENTIFIER.matcher(expression);
        while (m.find()) {
            into.add(m.group());
        }
    }

    private static final class Redirects {
        String in;
        String out;
        final List<String> args = new ArrayList<>();
    }

    private static Redirects redirects(List<String> words) {
        Redirects r = new Redirects();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("<") && i + 1 < words.size()) {
                r.in = words.get(++i);
            } else if ((w.equals(">") || w.equals(">>")) && i + 1 < words.size()) {
                r.out = words.get(++i);
            } else if (w.startsWith("<") && w.length() > 1 && !w.startsWith("<<")) {
                r.in = w.substring(1);
            } else if (w.startsWith(">>") && w.length() > 2) {
                r.out = w.substring(2);
            } else if (w.startsWith(">") && w.length() > 1) {
                r.out = w.substring(1);
            } else if (w.startsWith("2>") || w.equals("&>")) {
                if (w.equals("2>") || w.equals("&>")) {
                    i++;
                }
            } else {
                r.args.add(w);
            }
        }
        return r;
    }

    /** See {@link ScriptPrograms#commandNames}. */
    public static Set<String> commandNames(String script) {
        return ScriptPrograms.commandNames(script);
    }

    /** See {@link ScriptPrograms#basename}. */
    public static String basename(String word) {
        return ScriptPrograms.basename(word);
    }

    /** See {@link ScriptPrograms#splitCommands}. */
    public static List<String> splitCommands(String script) {
        return ScriptPrograms.splitCommands(script);
    }

    private static List<String> stripPrefix(List<String> words) {
        return ScriptPrograms.stripPrefix(words);
    }

    static List<String> splitPipes(String command) {
        return ScriptPrograms.splitPipes(command);
    }

    /** Words of one command as a POSIX shell splits them: the compose model's splitter serves both. */
    public static List<String> words(String text) {
        return ShellCommands.words(text);
    }

    /**
     * Variables a gomplate or dockerize template requires: {@code .Env.NAME}, {@code getenv "NAME"},
     * {@code env.Getenv "NAME"}; not those with a default ({@code default .Env.NAME "x"},
     * {@code .Env.NAME | default "x"}, {@code getenv "NAME" "x"}).
     */
    public static Set<String> gomplateVariables(String template) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(default\\s+)?\\.Env\\.([A-Za-z_][A-Za-z0-9_]{0,200})(\\s*\\|\\s*default)?")
                .matcher(template);
        while (m.find()) {
            if (m.group(1) == null && m.group(3) == null) {
                out.add(m.group(2));
            }
        }
        Matcher g = Pattern.compile("(?:getenv|env\\.Getenv)\\s+\"([A-Za-z_][A-Za-z0-9_]{0,200})\"(\\s+\")?")
                .matcher(template);
        while (g.find()) {
            if (g.group(2) == null) {
                out.add(g.group(1));
            }
        }
        return out;
    }

    /** Placeholder names of a script's variable list ({@code '$A ${B}'}). */
    static List<String> names(String text) {
        return PlaceholderScanner.names(text);
    }
}
