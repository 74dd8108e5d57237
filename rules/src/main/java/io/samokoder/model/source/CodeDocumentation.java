package io.samokoder.model.source;

import java.util.Arrays;
import java.util.Locale;

/**
 * Where the documentation of a source file is: its comments ({@code #}, {@code //}, {@code /* … *&#47;}) and, in
 * Python, its docstrings (the string that opens a module or the body of a {@code def} or {@code class}). Text there is
 * read by people, not run: a connection URL in a docstring shows the format of a setting. The language is told by the
 * file name; strings are skipped so that the {@code //} of {@code "postgres://…"} opens no comment. A lexer of a few
 * token kinds, not a parser: an odd construct (a shell heredoc, a Rust raw string) at worst misplaces one range.
 */
public final class CodeDocumentation {

    /** How a language writes comments and strings. */
    public enum Language {
        /** {@code #} comments, single, double and triple-quoted strings, docstrings. */
        PYTHON,
        /** {@code //} and {@code /* *&#47;} comments; {@code "…"}, {@code `…`}; {@code '…'} strings or char literals. */
        C_LIKE,
        /** {@code #} comments at the start of a word, {@code '…'} and {@code "…"} strings (Ruby, Perl, R, shell). */
        HASH,
        /** Not a program this class reads. */
        NONE
    }

    private static final int[] NONE_RANGES = new int[0];

    private final int[] ranges;

    private CodeDocumentation(int[] ranges) {
        this.ranges = ranges;
    }

    public static Language languageOf(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Language.NONE;
        }
        return switch (name.substring(dot + 1)) {
            case "py", "pyi" -> Language.PYTHON;
            case "js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx", "java", "kt", "kts", "scala", "groovy",
                 "gradle", "go", "rs", "c", "h", "cc", "cpp", "cxx", "hpp", "cs", "swift", "php", "dart" ->
                    Language.C_LIKE;
            case "rb", "pl", "pm", "r", "ex", "exs", "sh", "bash", "zsh", "ksh" -> Language.HASH;
            default -> Language.NONE;
        };
    }

    /**
     * Whether the file is a program's source (not a shell script, which is how a deployment is run): a connection
     * string in its code is the program's own, often a developer's default.
     */
    public static boolean isProgramSource(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        Language l = languageOf(path);
        return l == Language.PYTHON || l == Language.C_LIKE
                || l == Language.HASH && !(lower.endsWith(".sh") || lower.endsWith(".bash") || lower.endsWith(".zsh")
                || lower.endsWith(".ksh"));
    }

    /** The comments and docstrings of a file's text; none when the file is not source code this class reads. */
    public static CodeDocumentation of(String path, CharSequence text) {
        Language language = languageOf(path);
        if (language == Language.NONE) {
            return new CodeDocumentation(NONE_RANGES);
        }
        return new CodeDocumentation(new Lexer(text, language, path.toLowerCase(Locale.ROOT)).run());
    }

    /** Whether the character at {@code offset} is inside a comment or a docstring. */
    public boolean contains(int offset) {
        // ranges holds start, end pairs in order: the insertion point tells which pair, if any, holds the offset
        int i = Arrays.binarySearch(ranges, offset);
        if (i >= 0) {
            return (i & 1) == 0; // on a start: inside; on an end: just past it
        }
        return ((-i - 1) & 1) == 1;
    }

    /** The number of comments and docstrings found. */
    public int size() {
        return ranges.length / 2;
    }

    private static final class Lexer {
        private final CharSequence s;
        private final int n;
        private final Language language;
        /** C-like languages whose {@code '…'} is a string, not a char literal. */
        private final boolean singleQuoteStrings;
        private int[] out = new int[16];
        private int count;

        Lexer(CharSequence text, Language language, String lowerPath) {
            this.s = text;
            this.n = text.length();
            this.language = language;
            this.singleQuoteStrings = language != Language.C_LIKE || lowerPath.endsWith("js")
                    || lowerPath.endsWith("jsx") || lowerPath.endsWith("ts") || lowerPath.endsWith("tsx")
                    || lowerPath.endsWith(".php") || lowerPath.endsWith(".dart") || lowerPath.endsWith(".groovy")
                    || lowerPath.endsWith(".gradle");
        }

        private void add(int start, int end) {
            if (count + 2 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[count++] = start;
            out[count++] = end;
        }

        int[] run() {
            // the last character of code outside comments and strings (a string counts as '"'): a Python string
            // after a line ending in ':' opens a body, so it is a docstring
            char last = 0;
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (language == Language.C_LIKE && c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                    i = lineComment(i);
                } else if (language == Language.C_LIKE && c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                    int end = indexOf("*/", i + 2);
                    end = end < 0 ? n : end + 2;
                    add(i, end);
                    i = end;
                } else if (c == '#' && language == Language.PYTHON) {
                    i = lineComment(i);
                } else if (c == '#' && language == Language.HASH && wordStart(i)) {
                    i = lineComment(i);
                } else if (c == '"' || c == '\'' || c == '`' && language != Language.PYTHON) {
                    int start = i;
                    i = string(i, c);
                    if (language == Language.PYTHON && (last == 0 || last == ':') && statementStart(start)) {
                        add(start, i);
                    }
                    last = '"';
                } else {
                    if (!Character.isWhitespace(c) && !(language == Language.PYTHON && stringPrefix(i))) {
                        last = c;
                    }
                    i++;
                }
            }
            return Arrays.copyOf(out, count);
        }

        private int lineComment(int i) {
            int end = i;
            while (end < n && s.charAt(end) != '\n') {
                end++;
            }
            add(i, end);
            return end;
        }

        /** A Python string's prefix ({@code r"…"}, {@code rb'…'}, {@code f"…"}) starts at {@code i}. */
        private boolean stringPrefix(int i) {
            int start = i;
            while (start > 0 && i - start < 2 && Character.isLetter(s.charAt(start - 1))) {
                start--;
            }
            if (start > 0 && (Character.isLetterOrDigit(s.charAt(start - 1)) || s.charAt(start - 1) == '_')) {
                return false;
            }
            int j = i;
            while (j < n && j - start < 2 && Character.isLetter(s.charAt(j))) {
                j++;
            }
            return j < n && (s.charAt(j) == '"' || s.charAt(j) == '\'');
        }

        /** A shell, Ruby or Perl {@code #} opens a comment at a word's start only ({@code $#}, {@code ${#a}} do not). */
        private boolean wordStart(int i) {
            if (i == 0) {
                return true;
            }
            char p = s.charAt(i - 1);
            return Character.isWhitespace(p) || p == ';';
        }

        /** Only blanks and a string prefix ({@code r}, {@code b}, {@code u}, {@code f}) since the line's start. */
        private boolean statementStart(int quote) {
            int j = quote - 1;
            while (j >= 0 && Character.isLetter(s.charAt(j)) && quote - j <= 2) {
                j--;
            }
            while (j >= 0 && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                j--;
            }
            return j < 0 || s.charAt(j) == '\n' || s.charAt(j) == '\r';
        }

        /** The offset just past the string or char literal opened at {@code i}. */
        private int string(int i, char q) {
            boolean triple = (language == Language.PYTHON || q == '"' && language == Language.C_LIKE)
                    && i + 2 < n && s.charAt(i + 1) == q && s.charAt(i + 2) == q;
            if (triple) {
                int j = i + 3;
                while (j < n) {
                    char c = s.charAt(j);
                    if (c == '\\') {
                        j += 2;
                    } else if (c == q && j + 2 < n && s.charAt(j + 1) == q && s.charAt(j + 2) == q) {
                        return j + 3;
                    } else {
                        j++;
                    }
                }
                return n;
            }
            if (q == '\'' && !singleQuoteStrings) {
                // a char literal ('a', '\n', '\u00e9') or a Rust lifetime ('a): never longer than a few characters
                if (i + 1 < n && s.charAt(i + 1) == '\\') {
                    int close = indexOf("'", i + 2);
                    return close >= 0 && close - i <= 12 ? close + 1 : i + 1;
                }
                return i + 2 < n && s.charAt(i + 2) == '\'' ? i + 3 : i + 1;
            }
            // backquoted strings (JavaScript templates, Go raw strings) and shell strings span lines; the others end
            // at the line's end when left open, so one stray quote costs one line
            boolean multiLine = q == '`' || language == Language.HASH;
            int j = i + 1;
            while (j < n) {
                char c = s.charAt(j);
                if (c == '\\' && !(q == '\'' && language == Language.HASH)) {
                    j += 2;
                } else if (c == q) {
                    return j + 1;
                } else if (c == '\n' && !multiLine) {
                    return j;
                } else {
                    j++;
                }
            }
            return n;
        }

        private int indexOf(String needle, int from) {
            int last = n - needle.length();
            outer:
            for (int i = from; i <= last; i++) {
                for (int k = 0; k < needle.length(); k++) {
                    if (s.charAt(i + k) != needle.charAt(k)) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
