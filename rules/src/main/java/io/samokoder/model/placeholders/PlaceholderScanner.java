package io.samokoder.model.placeholders;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds shell/compose-style variable references in configuration text without ever mistaking a Go template
 * ({@code {{ .GroupLabels.alertname }}}, {@code {{ $labels.instance }}}, {@code {{ template "x" . }}}) for one.
 * A single forward pass, no regular expressions (no backtracking on hostile input):
 * <ul>
 *   <li>{@code {{ ... }}} regions (Go templates, Helm, Jinja expressions) are skipped whole;</li>
 *   <li>{@code $$} is an escaped dollar (compose, envsubst conventions) and starts nothing;</li>
 *   <li>{@code ${NAME}} and its operator forms are references whenever NAME is a valid variable name;</li>
 *   <li>bare {@code $NAME} counts only when NAME is upper case (environment-variable style) and the {@code $} does not
 *       follow a letter or digit, so that a literal secret such as {@code pa$sword} or a regex anchor {@code foo$} is
 *       never taken for a variable;</li>
 *   <li>{@code $1}, {@code ${1}} (regex group references) are never variables.</li>
 * </ul>
 */
public final class PlaceholderScanner {

    /** Longest {@code ${...}} body considered; anything longer is not a reference (and bounds the work). */
    static final int MAX_BRACED = 512;

    private PlaceholderScanner() {
    }

    public static List<Placeholder> scan(CharSequence text) {
        List<Placeholder> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < n && text.charAt(i + 1) == '{') {
                int close = indexOf(text, "}}", i + 2);
                if (close < 0) {
                    return out; // an unterminated template action: nothing after it is plain text
                }
                i = close + 2;
                continue;
            }
            if (c != '$' || i + 1 >= n) {
                i++;
                continue;
            }
            char next = text.charAt(i + 1);
            if (next == '$') {
                i += 2;
                continue;
            }
            if (next == '{' && i + 2 < n && text.charAt(i + 2) == '{') {
                i++; // "${{ ... }}": a literal dollar before a Go template action
                continue;
            }
            if (next == '{') {
                Placeholder p = braced(text, i);
                if (p != null) {
                    out.add(p);
                    i = p.end();
                } else {
                    i += 2;
                }
                continue;
            }
            if (isNameStart(next) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                int j = i + 1;
                while (j < n && isNamePart(text.charAt(j))) {
                    j++;
                }
                String name = text.subSequence(i + 1, j).toString();
                if (isEnvStyle(name)) {
                    out.add(new Placeholder(name, i, j, false, "", ""));
                }
                i = j;
                continue;
            }
            i++;
        }
        return out;
    }

    /** Variable names as a list, in order of appearance, without duplicates. */
    public static List<String> names(CharSequence text) {
        List<String> names = new ArrayList<>();
        for (Placeholder p : scan(text)) {
            if (!names.contains(p.name())) {
                names.add(p.name());
            }
        }
        return names;
    }

    private static Placeholder braced(CharSequence text, int dollar) {
        int n = text.length();
        int j = dollar + 2;
        if (j >= n || !isNameStart(text.charAt(j))) {
            return null;
        }
        int nameStart = j;
        while (j < n && isNamePart(text.charAt(j))) {
            j++;
        }
        String name = text.subSequence(nameStart, j).toString();
        if (j >= n) {
            return null;
        }
        char c = text.charAt(j);
        if (c == '}') {
            return new Placeholder(name, dollar, j + 1, true, "", "");
        }
        String operator;
        if (c == ':' && j + 1 < n && "-?+=".indexOf(text.charAt(j + 1)) >= 0) {
            operator = ":" + text.charAt(j + 1);
            j += 2;
        } else if ("-?+=".indexOf(c) >= 0) {
            operator = String.valueOf(c);
            j += 1;
        } else {
            return null; // ${NAME followed by anything else: not a reference
        }
        int argStart = j;
        int depth = 1;
        while (j < n && j - dollar <= MAX_BRACED) {
            char d = text.charAt(j);
            if (d == '{') {
                depth++;
            } else if (d == '}') {
                depth--;
                if (depth == 0) {
                    return new Placeholder(name, dollar, j + 1, true, operator,
                            text.subSequence(argStart, j).toString());
                }
            } else if (d == '\n') {
                return null;
            }
            j++;
        }
        return null;
    }

    private static int indexOf(CharSequence text, String needle, int from) {
        int n = text.length();
        outer:
        for (int i = from; i + needle.length() <= n; i++) {
            for (int k = 0; k < needle.length(); k++) {
                if (text.charAt(i + k) != needle.charAt(k)) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static boolean isNameStart(char c) {
        return c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    static boolean isNamePart(char c) {
        return isNameStart(c) || (c >= '0' && c <= '9');
    }

    /** Upper case with at least one letter: {@code SMTP_HOST}, {@code X}; not {@code labels}, {@code value}, {@code _}. */
    static boolean isEnvStyle(String name) {
        boolean letter = false;
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            if (c >= 'a' && c <= 'z') {
                return false;
            }
            letter |= c >= 'A' && c <= 'Z';
        }
        return letter;
    }

    /**
     * Files in a template language whose own syntax looks like references (Mako's {@code ${expr}}, Jinja/Ansible,
     * Helm): never scanned for placeholders.
     */
    public static boolean isTemplateLanguageFile(String path) {
        String n = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return n.endsWith(".mako") || n.endsWith(".j2") || n.endsWith(".jinja") || n.endsWith(".jinja2")
                || n.endsWith(".tera") || n.endsWith(".njk") || n.endsWith(".gotmpl") || n.endsWith(".ftl") || n.endsWith(".erb") || n.endsWith(".mustache") || n.endsWith(".hbs");
    }
}
