package io.samokoder.model.docsite;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Markdown files that the repository's own scripts read as templates: a script that names the file
 * ({@code "translation-banner.md"}) and replaces a placeholder in text ({@code .replace("ENGLISH_VERSION_URL", url)},
 * {@code .replaceAll(…)}, {@code sed 's/PLACEHOLDER/…/'}). A link written as that placeholder is what the script
 * substitutes before the text is used, not a link as written. Built on first use, once per audit; immutable.
 */
public final class ScriptPlaceholders {

    /** One script: the Markdown file names it writes as strings, and the placeholders it replaces. */
    private record Script(String path, Set<String> markdownNames, Set<String> replaced) {
    }

    /** Where a placeholder is substituted. */
    public record Substitution(String script, String placeholder) {
    }

    private static final Set<String> SCRIPT_EXTENSIONS = Set.of("py", "js", "mjs", "cjs", "ts", "sh", "bash", "rb");
    private static final long MAX_SCRIPT_SIZE = 1024 * 1024;
    private static final Pattern MARKDOWN_NAME = Pattern.compile("[\\w.-]+\\.(?:md|markdown)\\b");
    /** {@code .replace("X", …)}, {@code .replaceAll('X', …)}, {@code .gsub("X", …)}, {@code str.replace(s, "X", …)}. */
    private static final Pattern REPLACE_CALL = Pattern.compile(
            "\\b(?:replace|replaceAll|replace_all|gsub|sub)\\s*\\(\\s*(?:[\\w.]+\\s*,\\s*)?(['\"])([^'\"\\n]{1,200})\\1");
    /** {@code sed 's/X/…/'}, with any delimiter. */
    private static final Pattern SED = Pattern.compile("\\bs([/|#@,])([^/|#@,\\n]{1,200})\\1");

    private final List<Script> scripts;

    private ScriptPlaceholders(List<Script> scripts) {
        this.scripts = List.copyOf(scripts);
    }

    public static ScriptPlaceholders of(AuditContext context) {
        return context.model(ScriptPlaceholders.class, ScriptPlaceholders::load);
    }

    private static ScriptPlaceholders load(AuditContext context) {
        List<Script> out = new ArrayList<>();
        for (SourceFile f : context.workspace().files()) {
            String name = f.path().substring(f.path().lastIndexOf('/') + 1);
            int dot = name.lastIndexOf('.');
            if (dot < 0 || !SCRIPT_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))
                    || f.size() > MAX_SCRIPT_SIZE) {
                continue;
            }
            Optional<String> text = context.workspace().text(f);
            if (text.isEmpty() || !text.get().contains(".md")) {
                continue;
            }
            Set<String> names = new HashSet<>();
            Matcher m = MARKDOWN_NAME.matcher(text.get());
            while (m.find()) {
                names.add(m.group().toLowerCase(Locale.ROOT));
            }
            Set<String> replaced = new HashSet<>();
            for (Pattern p : List.of(REPLACE_CALL, SED)) {
                Matcher r = p.matcher(text.get());
                while (r.find()) {
                    replaced.add(r.group(2));
                }
            }
            if (!names.isEmpty() && !replaced.isEmpty()) {
                out.add(new Script(f.path(), Set.copyOf(names), Set.copyOf(replaced)));
            }
        }
        return new ScriptPlaceholders(out);
    }

    /**
     * The script that substitutes {@code written} in the Markdown file {@code path}: one that names the file and
     * replaces exactly that text; empty when none does.
     */
    public Optional<Substitution> substitutedIn(String path, String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        for (Script s : scripts) {
            if (s.markdownNames().contains(name) && s.replaced().contains(written)) {
                return Optional.of(new Substitution(s.path(), written));
            }
        }
        return Optional.empty();
    }
}
