package io.samokoder.workspace;

/**
 * A value kept on one line and one field: backslash, tab, carriage return and line feed written as {@code \\},
 * {@code \t}, {@code \r}, {@code \n}, and read back. The rule index (tab-separated) and the plugin's audit-JVM protocol
 * (one message a line) both use it.
 *
 * <p>{@link #visible} and {@link #consoleLine} escape one way, for people and for the CI runner that reads the
 * output: paths and messages come from the audited repository, which may name a folder
 * {@code x\n::error title=Forged::…} or hold a value with an ESC sequence.
 */
public final class LineEscape {

    private LineEscape() {
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String unescape(String text) {
        if (text.indexOf('\\') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Characters that would end, reorder or hide part of a line, as visible escapes: line feed, carriage return and
     * tab as {@code \n}, {@code \r}, {@code \t}; the other C0 controls, DEL and the C1 controls as {@code \x1b};
     * line and paragraph separators and every format character (bidi controls, zero-width and soft-hyphen
     * characters, which a log viewer shows as nothing) as a backslash, "u" and four hex digits. Everything else,
     * backslash included, is kept.
     */
    public static String visible(String text) {
        int first = 0;
        while (first < text.length() && !needsEscape(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!needsEscape(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c <= 0xFF) {
                out.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            } else {
                out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
                        .append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static boolean needsEscape(char c) {
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return true;
        }
        if (c < 0xAD) {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
    }

    /**
     * One line of console or log output ({@link #visible}), which the GitHub Actions runner also reads for workflow
     * commands: a line that starts with {@code ::} after white space is one, and so is {@code ##[name]} anywhere in a
     * line (the runner's older syntax, which includes {@code ##[stop-commands]}, switching off every later
     * annotation). The first such colon and every such bracket are escaped ({@code \x3a}, {@code \x5b}), so no
     * line of ours is a command.
     */
    public static String consoleLine(String line) {
        String s = visible(line);
        int start = 0;
        // the runner trims white space as .NET defines it: Java's two tests together cover it
        while (start < s.length() && (Character.isWhitespace(s.charAt(start)) || Character.isSpaceChar(s.charAt(start)))) {
            start++;
        }
        if (s.startsWith("::", start)) {
            s = s.substring(0, start) + "\\x3a" + s.substring(start + 1);
        }
        return s.contains("##[") ? s.replace("##[", "##\\x5b") : s;
    }
}
