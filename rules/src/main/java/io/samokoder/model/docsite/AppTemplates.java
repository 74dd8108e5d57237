package io.samokoder.model.docsite;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;
import io.samokoder.workspace.FileKinds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Markdown files that a web application renders: files in the application's {@code templates} folder (the folder
 * Django, Flask and Jinja load templates from) that the application's code reads, or that are written with template
 * tags. Such a page is served at the application's own URLs ({@code /docs/<slug>/}), and placeholders in it are
 * replaced by the view that renders it, so its links are resolved by the application, not as repository paths.
 *
 * <p>Evidence that the code renders the file: a source file of the repository holds, as a string, the file's folder
 * from the {@code templates} segment on ({@code "templates/docs"}, {@code f"templates/docs/{doc}.html"}) or the file's
 * name relative to {@code templates} ({@code "recipes.md"}, {@code "docs/api.md"}: what {@code render_template} takes);
 * or the file holds template tags ({@code {{ recipe.name }}}, {@code {% for … %}}). A Markdown file in a
 * {@code templates} folder that nothing reads stays documentation. Built on first use, once per audit; immutable.
 */
public final class AppTemplates {

    /** Why a file is a template: the code file and line that reads it, or null for both when its tags say so. */
    public record Rendering(String templatesFolder, String code, int line, String written) {

        /** Whether the file's own template tags are the evidence (no code file names it). */
        public boolean byTags() {
            return code == null;
        }
    }

    private static final Set<String> CODE_EXTENSIONS = Set.of("py", "rb", "js", "mjs", "cjs", "ts", "go", "java",
            "kt", "php", "rs", "ex", "exs", "cs");
    private static final long MAX_CODE_SIZE = 1024 * 1024;
    /** Jinja/Django/Liquid tags: an expression {@code {{ x }}} or a statement {@code {% for … %}}. */
    private static final Pattern TEMPLATE_TAG = Pattern.compile("\\{\\{\\s*[\\w.\\[\\]'\"|() -]+?\\s*}}|\\{%-?\\s*\\w+");

    private static final Pattern README = Pattern.compile("readme(?:[-_.][^/]*)?\\.[a-z]+", Pattern.CASE_INSENSITIVE);

    private final Map<String, Rendering> byFile;

    private AppTemplates(Map<String, Rendering> byFile) {
        this.byFile = Map.copyOf(byFile);
    }

    public static AppTemplates of(AuditContext context) {
        return context.model(AppTemplates.class, AppTemplates::load);
    }

    /** Why the Markdown file at {@code path} is a template the application renders; empty when it is not one. */
    public Optional<Rendering> rendering(String path) {
        return Optional.ofNullable(byFile.get(path));
    }

    /** The index of the last {@code templates} folder segment of a path, or -1. */
    static int templatesSegment(String[] segments) {
        for (int i = segments.length - 2; i >= 0; i--) {
            if (segments[i].toLowerCase(Locale.ROOT).equals("templates")) {
                return i;
            }
        }
        return -1;
    }

    private static AppTemplates load(AuditContext context) {
        // needle (as a string in code) -> the Markdown files it names
        Map<String, List<String>> needles = new TreeMap<>();
        Map<String, String> folderOf = new LinkedHashMap<>();
        List<String> candidates = new ArrayList<>();
        for (SourceFile f : context.workspace().files()) {
            if (!FileKinds.isMarkdown(f.path())) {
                continue;
            }
            String[] s = f.path().split("/");
            int t = templatesSegment(s);
            if (t < 0) {
                continue;
            }
            candidates.add(f.path());
            folderOf.put(f.path(), String.join("/", java.util.Arrays.copyOfRange(s, 0, t + 1)));
            String relative = String.join("/", java.util.Arrays.copyOfRange(s, t + 1, s.length));
            if (relative.contains("/") || !README.matcher(relative).matches()) {
                // a bare README.md in code is the repository's own README (setup.py, a docs build), not this one
                needles.computeIfAbsent(relative, k -> new ArrayList<>()).add(f.path());
            }
            if (s.length - t > 2) {
                // the folder below templates, from the templates segment on: "templates/docs"
                String folder = String.join("/", java.util.Arrays.copyOfRange(s, t, s.length - 1));
                needles.computeIfAbsent(folder, k -> new ArrayList<>()).add(f.path());
            }
        }
        if (candidates.isEmpty()) {
            return new AppTemplates(Map.of());
        }
        Map<String, Rendering> out = new TreeMap<>();
        for (SourceFile f : context.workspace().files()) {
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            int dot = name.lastIndexOf('.');
            if (dot < 0 || !CODE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))
                    || f.size() > MAX_CODE_SIZE) {
                continue;
            }
            Optional<String> text = context.workspace().text(f);
            if (text.isEmpty()) {
                continue;
            }
            for (Found n : strings(text.get(), needles.keySet())) {
                int line = lineOf(text.get(), n.offset());
                for (String md : needles.get(n.needle())) {
                    out.putIfAbsent(md, new Rendering(folderOf.get(md), f.path(), line, n.needle()));
                }
            }
        }
        for (String md : candidates) {
            if (out.containsKey(md)) {
                continue;
            }
            Optional<SourceFile> f = context.workspace().file(md);
            if (f.isPresent() && context.workspace().text(f.get()).map(t -> TEMPLATE_TAG.matcher(t).find())
                    .orElse(false)) {
                out.put(md, new Rendering(folderOf.get(md), null, 0, null));
            }
        }
        return new AppTemplates(out);
    }

    private record Found(String needle, int offset) {
    }

    /** A run of path characters: a string's content up to a quote, an f-string brace or a space. */
    private static final Pattern PATH_RUN = Pattern.compile("[\\w.\\-/]{1,400}");

    /**
     * The needles the code holds as (part of) a string, in one pass over the text: a needle starts right after a
     * quote or a slash and ends right before a quote, a slash or an f-string's brace ({@code f"templates/docs/{x}"}).
     */
    static List<Found> strings(String code, Set<String> needles) {
        List<Found> out = new ArrayList<>();
        java.util.regex.Matcher m = PATH_RUN.matcher(code);
        while (m.find()) {
            if (m.start() == 0 || !isQuote(code.charAt(m.start() - 1))) {
                continue;
            }
            String run = m.group();
            char after = m.end() < code.length() ? code.charAt(m.end()) : ' ';
            boolean closed = isQuote(after) || after == '{';
            for (int i = 0; i < run.length(); i = run.indexOf('/', i) + 1) {
                for (int j = run.indexOf('/', i); ; j = run.indexOf('/', j + 1)) {
                    int end = j < 0 ? run.length() : j;
                    if ((j >= 0 || closed) && end > i && needles.contains(run.substring(i, end))) {
                        out.add(new Found(run.substring(i, end), m.start() + i));
                    }
                    if (j < 0) {
                        break;
                    }
                }
                if (run.indexOf('/', i) < 0) {
                    break;
                }
            }
        }
        return out;
    }

    /** Whether {@code needle} occurs in the code as (part of) a string (see {@link #strings}); -1 when it does not. */
    static int asString(String code, String needle) {
        List<Found> found = strings(code, Set.of(needle));
        return found.isEmpty() ? -1 : found.get(0).offset();
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || c == '`';
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
