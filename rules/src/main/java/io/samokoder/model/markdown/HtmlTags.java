package io.samokoder.model.markdown;

import com.vladsch.flexmark.util.sequence.Escaping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Start tags and their attributes in a fragment of HTML, read the way the WHATWG tokenizer reads them: tag and
 * attribute names are case-insensitive, values may be double-quoted, single-quoted or unquoted in any order, the first
 * of duplicate attributes wins, character references in values are decoded, comments, doctypes, processing
 * instructions and end tags are skipped, and the content of raw-text elements ({@code script}, {@code style},
 * {@code textarea}, …) is not searched for tags. Linear in the input; never throws.
 */
public final class HtmlTags {

    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title", "xmp", "iframe",
            "noembed", "noframes", "plaintext");

    /** One attribute; {@code valueOffset} is where the value (or the name, when there is none) starts in the input. */
    public record Attribute(String name, String value, int valueOffset) {
    }

    /** One start tag at {@code offset} in the input. */
    public record Tag(String name, List<Attribute> attributes, int offset) {

        /** The first attribute of that (lowercase) name, or null. */
        public Attribute attribute(String attributeName) {
            for (Attribute a : attributes) {
                if (a.name().equals(attributeName)) {
                    return a;
                }
            }
            return null;
        }
    }

    private HtmlTags() {
    }

    /** Every start tag of {@code html}, in order. */
    public static List<Tag> startTags(CharSequence html) {
        List<Tag> tags = new ArrayList<>();
        String s = html.toString();
        int n = s.length();
        int i = 0;
        while (i < n) {
            int lt = s.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) {
                break;
            }
            char c = s.charAt(lt + 1);
            if (s.startsWith("<!--", lt)) {
                int end = s.indexOf("-->", lt + 4);
                i = end < 0 ? n : end + 3;
            } else if (c == '!' || c == '?') {
                int end = s.indexOf('>', lt + 2);
                i = end < 0 ? n : end + 1;
            } else if (c == '/') {
                i = skipTag(s, lt + 2);
            } else if (isAsciiLetter(c)) {
                i = readStartTag(s, lt, tags);
                Tag last = tags.get(tags.size() - 1);
                if (RAW_TEXT.contains(last.name())) {
                    int close = indexOfIgnoreCase(s, "</" + last.name(), i);
                    i = close < 0 ? n : close;
                }
            } else {
                i = lt + 1;
            }
        }
        return tags;
    }

    private static int readStartTag(String s, int lt, List<Tag> tags) {
        int n = s.length();
        int i = lt + 1;
        int nameStart = i;
        while (i < n && !isSpace(s.charAt(i)) && s.charAt(i) != '/' && s.charAt(i) != '>') {
            i++;
        }
        String name = s.substring(nameStart, i).toLowerCase(Locale.ROOT);
        List<Attribute> attributes = new ArrayList<>();
        while (i < n) {
            char c = s.charAt(i);
            if (isSpace(c) || c == '/') {
                i++;
                continue;
            }
            if (c == '>') {
                i++;
                break;
            }
            // attribute name: the first character may be '=' (a parse error the tokenizer tolerates)
            int attrStart = i;
            i++;
            while (i < n && !isSpace(s.charAt(i)) && s.charAt(i) != '/' && s.charAt(i) != '>'
                    && s.charAt(i) != '=') {
                i++;
            }
            String attrName = s.substring(attrStart, i).toLowerCase(Locale.ROOT);
            int j = i;
            while (j < n && isSpace(s.charAt(j))) {
                j++;
            }
            String value = "";
            int valueOffset = attrStart;
            if (j < n && s.charAt(j) == '=') {
                j++;
                while (j < n && isSpace(s.charAt(j))) {
                    j++;
                }
                if (j < n && (s.charAt(j) == '"' || s.charAt(j) == '\'')) {
                    char quote = s.charAt(j);
                    int end = s.indexOf(quote, j + 1);
                    int stop = end < 0 ? n : end;
                    value = s.substring(j + 1, stop);
                    valueOffset = j + 1;
                    i = end < 0 ? n : end + 1;
                } else {
                    int start = j;
                    while (j < n && !isSpace(s.charAt(j)) && s.charAt(j) != '>') {
                        j++;
                    }
                    value = s.substring(start, j);
                    valueOffset = start;
                    i = j;
                }
            }
            boolean duplicate = false;
            for (Attribute a : attributes) {
                if (a.name().equals(attrName)) {
                    duplicate = true;
                    break;
                }
            }
            if (!duplicate) {
                attributes.add(new Attribute(attrName, value.indexOf('&') >= 0 ? Escaping.unescapeHtml(value) : value,
                        valueOffset));
            }
        }
        tags.add(new Tag(name, List.copyOf(attributes), lt));
        return i;
    }

    /** Skips an end tag (whose attributes, if any, may hold quoted {@code >}). */
    private static int skipTag(String s, int i) {
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '>') {
                return i + 1;
            }
            if (c == '"' || c == '\'') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    return n;
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return n;
    }

    private static int indexOfIgnoreCase(String s, String needle, int from) {
        int max = s.length() - needle.length();
        for (int i = from; i <= max; i++) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
