package io.samokoder.model.claims;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what a document's {@code make X}, {@code just X}, {@code task X} and {@code ./script.sh} run, in the
 * repository: the Makefile (justfile, Taskfile) of the folder the command runs in or the nearest folder above it, the
 * script relative to that folder or to the repository root. Prerequisites of a target are followed a few levels.
 */
final class WorkspaceRecipes implements Launches.Resolver {

    private static final int MAX_TEXT = 256 * 1024;
    private static final int MAX_PREREQUISITE_DEPTH = 2;
    private static final List<String> MAKEFILES = List.of("GNUmakefile", "makefile", "Makefile");
    private static final List<String> JUSTFILES = List.of("justfile", "Justfile", ".justfile");
    private static final List<String> TASKFILES = List.of("Taskfile.yml", "Taskfile.yaml", "taskfile.yml",
            "taskfile.yaml");
    /** {@code up start: deps ; inline} (not a variable assignment {@code X := y}). */
    private static final Pattern MAKE_RULE = Pattern.compile(
            "^([^\\s:=#][^:=#]*?)\\s*::?(?![=])([^;#]*)(?:;([^#]*))?(?:#.*)?$");
    /** {@code DC := docker compose}, {@code PY ?= python3}: simple variables a recipe uses. */
    private static final Pattern MAKE_VARIABLE = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)\\s*[:?+]?=\\s*(.*)$");
    private static final Pattern JUST_RULE = Pattern.compile("^@?([A-Za-z0-9_-]+)(?:\\s+[^:=]*)?:(?!=)\\s*([^#]*)$");

    private final AuditContext ctx;
    private final String folder;

    WorkspaceRecipes(AuditContext ctx, String folder) {
        this.ctx = ctx;
        this.folder = folder;
    }

    @Override
    public Optional<Launches.Recipe> target(String tool, String target, String dir) {
        List<String> names = switch (tool) {
            case "make" -> MAKEFILES;
            case "just" -> JUSTFILES;
            case "task" -> TASKFILES;
            default -> List.of();
        };
        String at = Launches.join(folder, dir);
        while (true) {
            for (String n : names) {
                Optional<SourceFile> f = ctx.workspace().file(at.isEmpty() ? n : at + "/" + n);
                Optional<String> text = f.flatMap(this::text);
                if (text.isPresent()) {
                    String recipe = switch (tool) {
                        case "make" -> makeRecipe(text.get(), target);
                        case "just" -> justRecipe(text.get(), target, 0, new LinkedHashSet<>());
                        default -> taskRecipe(text.get(), target);
                    };
                    return recipe == null ? Optional.empty()
                            : Optional.of(new Launches.Recipe(f.get().path() + " target " + target, recipe));
                }
            }
            if (at.isEmpty() || at.startsWith("..")) {
                return Optional.empty();
            }
            at = at.contains("/") ? at.substring(0, at.lastIndexOf('/')) : "";
        }
    }

    @Override
    public Optional<Launches.Recipe> script(String path, String dir) {
        String p = path.startsWith("./") ? path.substring(2) : path;
        for (String candidate : List.of(Launches.join(Launches.join(folder, dir), p), Launches.join("", p))) {
            if (candidate.startsWith("..")) {
                continue;
            }
            Optional<SourceFile> f = ctx.workspace().file(Workspace.normalize(candidate));
            Optional<String> text = f.flatMap(this::text);
            if (text.isPresent()) {
                return Optional.of(new Launches.Recipe(f.get().path(), text.get()));
            }
        }
        return Optional.empty();
    }

    private Optional<String> text(SourceFile f) {
        if (f.size() > MAX_TEXT) {
            return Optional.empty();
        }
        return ctx.workspace().text(f);
    }

    /**
     * The recipe lines of {@code target} with those of its prerequisites before them, simple variables ({@code DC :=
     * docker compose}) substituted; null when there is no rule.
     */
    static String makeRecipe(String makefile, String target) {
        String recipe = makeRecipe(makefile, target, 0, new LinkedHashSet<>());
        if (recipe == null) {
            return null;
        }
        for (String line : makefile.split("\n")) {
            Matcher v = MAKE_VARIABLE.matcher(line.replace("\r", "").strip());
            if (v.matches() && !v.group(2).contains("$(shell") && !v.group(2).contains("$")) {
                String value = v.group(2).replaceFirst("\\s*#.*$", "").strip();
                recipe = recipe.replace("$(" + v.group(1) + ")", value).replace("${" + v.group(1) + "}", value);
            }
        }
        return recipe;
    }

    private static String makeRecipe(String makefile, String target, int depth, Set<String> seen) {
        if (!seen.add(target)) {
            return "";
        }
        String[] lines = makefile.split("\n", -1);
        StringBuilder out = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].replace("\r", "");
            Matcher m = MAKE_RULE.matcher(line);
            if (!m.matches() || !List.of(m.group(1).trim().split("\\s+")).contains(target)) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder();
            }
            if (depth < MAX_PREREQUISITE_DEPTH) {
                for (String pre : m.group(2).trim().split("\\s+")) {
                    if (!pre.isEmpty() && !pre.startsWith("$") && !pre.contains("%")) {
                        String r = makeRecipe(makefile, pre, depth + 1, seen);
                        if (r != null) {
                            out.append(r);
                        }
                    }
                }
            }
            if (m.group(3) != null) {
                out.append(m.group(3)).append('\n');
            }
            for (int j = i + 1; j < lines.length; j++) {
                String r = lines[j].replace("\r", "");
                if (r.startsWith("\t") || !r.isBlank() && j > i + 1 && lines[j - 1].endsWith("\\")) {
                    out.append(r.strip()).append('\n');
                } else if (!r.isBlank() && !r.startsWith("#")) {
                    break;
                }
            }
        }
        return out == null ? null : out.toString();
    }

    static String justRecipe(String justfile, String target, int depth, Set<String> seen) {
        if (!seen.add(target)) {
            return "";
        }
        String[] lines = justfile.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = JUST_RULE.matcher(lines[i].replace("\r", ""));
            if (!m.matches() || !m.group(1).equals(target)) {
                continue;
            }
            StringBuilder out = new StringBuilder();
            if (depth < MAX_PREREQUISITE_DEPTH) {
                for (String pre : m.group(2).trim().split("\\s+")) {
                    if (pre.matches("[A-Za-z0-9_-]+")) {
                        String r = justRecipe(justfile, pre, depth + 1, seen);
                        if (r != null) {
                            out.append(r);
                        }
                    }
                }
            }
            for (int j = i + 1; j < lines.length; j++) {
                String r = lines[j].replace("\r", "");
                if (r.startsWith(" ") || r.startsWith("\t")) {
                    out.append(r.strip()).append('\n');
                } else if (!r.isBlank()) {
                    break;
                }
            }
            return out.toString();
        }
        return null;
    }

    /** The lines under {@code <target>:} in a Taskfile's {@code tasks:}, list markers and {@code cmd:} keys removed. */
    static String taskRecipe(String taskfile, String target) {
        String[] lines = taskfile.split("\n", -1);
        Pattern key = Pattern.compile("^(\\s+)" + Pattern.quote(target) + "\\s*:\\s*$");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = key.matcher(lines[i].replace("\r", ""));
            if (!m.matches()) {
                continue;
            }
            int indent = m.group(1).length();
            List<String> body = new ArrayList<>();
            for (int j = i + 1; j < lines.length; j++) {
                String r = lines[j].replace("\r", "");
                if (r.isBlank()) {
                    continue;
                }
                int ind = r.length() - r.stripLeading().length();
                if (ind <= indent) {
                    break;
                }
                String t = r.strip().replaceFirst("^-\\s*", "").replaceFirst("^(?:cmd|cmds|task):\\s*", "");
                t = t.replaceAll("^[\"']|[\"']$", "");
                if (!t.isEmpty()) {
                    body.add(t);
                }
            }
            return String.join("\n", body);
        }
        return null;
    }
}
