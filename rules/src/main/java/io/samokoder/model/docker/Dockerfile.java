package io.samokoder.model.docker;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile as the builder reads it: parser directives ({@code # escape=`}), comment lines, line continuations,
 * here-documents ({@code RUN <<EOF}), instructions in exec (JSON array) or shell form, and build stages. Nothing is
 * evaluated here except the split into instructions; {@link ImageBuild} follows the instructions. Parsed once per
 * file: {@link #of(AuditContext, SourceFile)}.
 */
public final class Dockerfile {

    /**
     * One instruction.
     *
     * @param keyword   upper-case ({@code COPY}, {@code ENTRYPOINT} …)
     * @param flags     leading {@code --name=value} flags ({@code --from=build}, {@code --chmod=755})
     * @param arguments the text after the keyword and flags, continuation lines joined with a space
     * @param exec      the JSON array of the exec form, when the arguments are one
     * @param heredocs  bodies of here-documents that follow the instruction, in order
     * @param line      1-based line of the keyword
     */
    public record Instruction(String keyword, List<String> flags, String arguments, Optional<List<String>> exec,
                              List<String> heredocs, int line) {

        public Optional<String> flag(String name) {
            for (String f : flags) {
                if (f.startsWith("--" + name + "=")) {
                    return Optional.of(f.substring(name.length() + 3));
                }
            }
            return Optional.empty();
        }
    }

    /**
     * A build stage: {@code FROM base [AS name]} and the instructions up to the next {@code FROM}.
     *
     * @param base the image or earlier stage named by {@code FROM}, before {@code ARG} substitution
     */
    public record Stage(int index, String base, Optional<String> name, int line, List<Instruction> instructions) {
    }

    private static final JsonFactory JSON = new JsonFactory();
    private static final Pattern DIRECTIVE = Pattern.compile("#\\s*([A-Za-z]+)\\s*=\\s*(\\S+)\\s*");
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)([\"']?)([A-Za-z_][A-Za-z0-9_]*)\\2");
    private static final int MAX_INSTRUCTIONS = 5_000;

    private final String path;
    private final List<Instruction> preamble;
    private final List<Stage> stages;

    private Dockerfile(String path, List<Instruction> preamble, List<Stage> stages) {
        this.path = path;
        this.preamble = List.copyOf(preamble);
        this.stages = List.copyOf(stages);
    }

    /** Whether a file name is a Dockerfile's: {@code Dockerfile}, {@code Dockerfile.prod}, {@code app.dockerfile}. */
    public static boolean isDockerfileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("dockerfile") || n.startsWith("dockerfile.") || n.startsWith("dockerfile-")
                || n.endsWith(".dockerfile") || n.equals("containerfile");
    }

    public static Dockerfile of(AuditContext ctx, SourceFile file) {
        return ctx.parsed(file, Dockerfile.class, f -> parse(f.path(), ctx.workspace().text(f).orElse("")));
    }

    public static Dockerfile parse(String path, String text) {
        String[] lines = text.split("\r?\n", -1);
        char escape = '\\';
        int i = 0;
        // parser directives: only at the very top, before any comment, blank line or instruction
        while (i < lines.length) {
            Matcher m = DIRECTIVE.matcher(lines[i].strip());
            if (!m.matches()) {
                break;
            }
            if (m.group(1).equalsIgnoreCase("escape") && m.group(2).length() == 1
                    && (m.group(2).charAt(0) == '`' || m.group(2).charAt(0) == '\\')) {
                escape = m.group(2).charAt(0);
            }
            i++;
        }
        List<Instruction> all = new ArrayList<>();
        while (i < lines.length && all.size() < MAX_INSTRUCTIONS) {
            String first = lines[i].strip();
            if (first.isEmpty() || first.startsWith("#")) {
                i++;
                continue;
            }
            int start = i + 1;
            StringBuilder logical = new StringBuilder();
            String current = lines[i];
            i++;
            while (true) {
                String stripped = current.stripTrailing();
                if (!stripped.isEmpty() && stripped.charAt(stripped.length() - 1) == escape
                        && !endsWithEscapedEscape(stripped, escape)) {
                    logical.append(stripped, 0, stripped.length() - 1).append(' ');
                    // comment and blank lines inside a continued instruction are dropped
                    while (i < lines.length && (lines[i].isBlank() || lines[i].strip().startsWith("#"))) {
                        i++;
                    }
                    if (i >= lines.length) {
                        break;
                    }
                    current = lines[i];
                    i++;
                } else {
                    logical.append(current);
                    break;
                }
            }
            String line = logical.toString().strip();
            int sp = firstSpace(line);
            String keyword = (sp < 0 ? line : line.substring(0, sp)).toUpperCase(Locale.ROOT);
            String rest = sp < 0 ? "" : line.substring(sp).strip();
            List<String> heredocs = new ArrayList<>();
            if (keyword.equals("RUN") || keyword.equals("COPY") || keyword.equals("ADD")) {
                Matcher h = HEREDOC.matcher(rest);
                while (h.find() && i <= lines.length) {
                    boolean stripTabs = !h.group(1).isEmpty();
                    String end = h.group(3);
                    StringBuilder body = new StringBuilder();
                    while (i < lines.length) {
                        String l = stripTabs ? lines[i].replaceFirst("^\t+", "") : lines[i];
                        i++;
                        if (l.equals(end)) {
                            break;
                        }
                        body.append(l).append('\n');
                    }
                    heredocs.add(body.toString());
                }
            }
            List<String> flags = new ArrayList<>();
            while (rest.startsWith("--")) {
                int e = firstSpace(rest);
                flags.add(e < 0 ? rest : rest.substring(0, e));
                rest = e < 0 ? "" : rest.substring(e).strip();
            }
            all.add(new Instruction(keyword, List.copyOf(flags), rest, exec(rest), List.copyOf(heredocs), start));
        }
        List<Instruction> preamble = new ArrayList<>();
        List<Stage> stages = new ArrayList<>();
        List<Instruction> current = null;
        String base = null;
        Optional<String> name = Optional.empty();
        int fromLine = 0;
        for (Instruction in : all) {
            if (in.keyword().equals("FROM")) {
                if (current != null) {
                    stages.add(new Stage(stages.size(), base, name, fromLine, List.copyOf(current)));
                }
                List<String> words = List.of(in.arguments().split("\\s+"));
                base = words.isEmpty() ? "" : words.get(0);
                name = words.size() >= 3 && words.get(1).equalsIgnoreCase("as")
                        ? Optional.of(words.get(2).toLowerCase(Locale.ROOT)) : Optional.empty();
                fromLine = in.line();
                current = new ArrayList<>();
            } else if (current == null) {
                preamble.add(in);
            } else {
                current.add(in);
            }
        }
        if (current != null) {
            stages.add(new Stage(stages.size(), base, name, fromLine, List.copyOf(current)));
        }
        return new Dockerfile(path, preamble, stages);
    }

    private static boolean endsWithEscapedEscape(String s, char escape) {
        // "\\" at the end of a Windows path with escape=` is no continuation; with the default escape a doubled
        // backslash is still read as a continuation by the builder, so only the backtick case needs care
        return escape == '`' && s.length() >= 2 && s.charAt(s.length() - 2) == '`';
    }

    private static int firstSpace(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (Character.isWhitespace(s.charAt(k))) {
                return k;
            }
        }
        return -1;
    }

    /** The exec form: a JSON array of strings; anything else (also invalid JSON) is the shell form. */
    static Optional<List<String>> exec(String arguments) {
        String a = arguments.strip();
        if (!a.startsWith("[") || !a.endsWith("]")) {
            return Optional.empty();
        }
        try (JsonParser p = JSON.createParser(a)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                return Optional.empty();
            }
            List<String> out = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.VALUE_STRING) {
                out.add(p.getText());
            }
            if (t != JsonToken.END_ARRAY || p.nextToken() != null) {
                return Optional.empty();
            }
            return Optional.of(List.copyOf(out));
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public String path() {
        return path;
    }

    /** {@code ARG} instructions before the first {@code FROM} (usable in {@code FROM} lines only). */
    public List<Instruction> preamble() {
        return preamble;
    }

    public List<Stage> stages() {
        return stages;
    }

    /** The stage built for {@code target} (a stage name), else the last one. */
    public Optional<Stage> stage(Optional<String> target) {
        if (target.isPresent()) {
            String t = target.get().toLowerCase(Locale.ROOT);
            for (Stage s : stages) {
                if (s.name().filter(t::equals).isPresent()) {
                    return Optional.of(s);
                }
            }
        }
        return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
    }

    /** A stage by {@code --from=} / {@code FROM} reference: its name, or its index as a number. */
    public Optional<Stage> stageNamed(String ref, int before) {
        String r = ref.toLowerCase(Locale.ROOT);
        for (Stage s : stages) {
            if (s.index() < before && (s.name().filter(r::equals).isPresent() || r.equals(String.valueOf(s.index())))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
