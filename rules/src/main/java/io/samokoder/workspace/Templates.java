package io.samokoder.workspace;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Files that a template engine renders before any tool reads them, so that what is written is not what is deployed:
 * everything under a folder whose name is itself written in template syntax (Cookiecutter's
 * {@code {{cookiecutter.project_slug}}/}, Copier's {@code {{ project_name }}/} or {@code {% if docker %}…{% endif %}}),
 * and files whose YAML only breaks on Jinja or Go template tags ({@code {% if %}} blocks, {@code {{ name }}} as a
 * key). The check on the text is what the tags do to the YAML: blanked out, the file parses.
 */
public final class Templates {

    /** A path segment written in template syntax: {@code {{ … }}} or {@code {% … %}}. */
    private static final Pattern TEMPLATE_SEGMENT = Pattern.compile("\\{\\{[^/]{0,200}}}|\\{%[^/]{0,200}%}");
    private static final int MAX_TEXT = 8 * 1024 * 1024;

    private Templates() {
    }

    /**
     * The template folder (or file name) a path lies in, as written up to and including that segment, e.g.
     * {@code {{cookiecutter.project_slug}}}; empty for an ordinary path.
     */
    public static Optional<String> templateFolder(String path) {
        if (path.indexOf('{') < 0) {
            return Optional.empty();
        }
        int start = 0;
        while (start <= path.length()) {
            int slash = path.indexOf('/', start);
            int end = slash < 0 ? path.length() : slash;
            if (TEMPLATE_SEGMENT.matcher(path.substring(start, end)).find()) {
                return Optional.of(path.substring(0, end));
            }
            if (slash < 0) {
                break;
            }
            start = slash + 1;
        }
        return Optional.empty();
    }

    /** Whether the text holds a template statement ({@code {% %}}), comment ({@code {# #}}) or expression ({@code {{ }}}). */
    public static boolean hasTemplateSyntax(String text) {
        return new Tags(text).next() != null;
    }

    /** 1-based line of the first template tag, 0 when there is none. */
    public static int firstTagLine(String text) {
        int[] tag = new Tags(text).next();
        if (tag == null) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < tag[0]; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * The text with every template tag blanked and lines and columns kept: statements and comments become spaces
     * (newlines inside them stay), an expression a run of {@code x} of its length, which reads as a plain word
     * wherever the rendered value would stand (a key, a value, part of a scalar).
     */
    public static String neutralize(String text) {
        return neutralize(text, true);
    }

    /**
     * As {@link #neutralize(String)}, keeping {@code {{ … }}} when {@code expressions} is false: in Prometheus rules
     * and Alertmanager configs they are the tool's own Go templates, read after the YAML is loaded, so a YAML error
     * they cause is the deployed file's.
     */
    public static String neutralize(String text, boolean expressions) {
        StringBuilder out = new StringBuilder(text);
        Tags tags = new Tags(text);
        for (int[] tag = tags.next(); tag != null; tag = tags.next()) {
            boolean expression = text.startsWith("{{", tag[0]);
            if (expression && !expressions) {
                continue;
            }
            for (int i = tag[0]; i < tag[1]; i++) {
                if (text.charAt(i) != '\n') {
                    out.setCharAt(i, expression ? 'x' : ' ');
                }
            }
        }
        return out.toString();
    }

    /**
     * Template tags in text order: {@code {% … %}} and {@code {# … #}} (may span lines), {@code {{ … }}} (within a
     * line). One pass, linear: an opener that is never closed ends the search for its kind (statements, comments)
     * or, for an expression, for the rest of its line.
     */
    private static final class Tags {
        private final String text;
        private int pos;
        private boolean statements = true;
        private boolean comments = true;
        private boolean expressions = true;
        private int exprClose = -1; // the first "}}" after the last expression opener looked at

        Tags(String text) {
            this.text = text;
            if (text.length() > MAX_TEXT) {
                pos = text.length();
            }
        }

        /** {start, end} of the next tag, or null. */
        int[] next() {
            int i = pos;
            while (true) {
                i = text.indexOf('{', i);
                if (i < 0 || i + 1 >= text.length()) {
                    pos = text.length();
                    return null;
                }
                char c = text.charAt(i + 1);
                if (c == '%' && statements || c == '#' && comments) {
                    int close = text.indexOf(c == '%' ? "%}" : "#}", i + 2);
                    if (close >= 0) {
                        pos = close + 2;
                        return new int[] {i, pos};
                    }
                    if (c == '%') {
                        statements = false;
                    } else {
                        comments = false;
                    }
                } else if (c == '{' && expressions) {
                    if (exprClose < i + 2) {
                        exprClose = text.indexOf("}}", i + 2);
                        if (exprClose < 0) {
                            expressions = false;
                            i++;
                            continue;
                        }
                    }
                    int eol = i + 2;
                    while (eol < exprClose && text.charAt(eol) != '\n') {
                        eol++;
                    }
                    if (eol == exprClose) {
                        pos = exprClose + 2;
                        return new int[] {i, pos};
                    }
                    i = eol; // no "}}" on the rest of this line
                    continue;
                }
                i++;
            }
        }
    }
}
