package io.samokoder.model.docsite;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heading ids as Python-Markdown's {@code toc} extension makes them on an MkDocs site, with the {@code slugify}
 * function the site's {@code mkdocs.yml} configures:
 * <ul>
 *   <li>{@link Kind#ASCII}: {@code markdown.extensions.toc.slugify}, the default: NFKD, non-ASCII dropped, everything but
 *   word characters, whitespace and {@code -} removed, trimmed, lowercased, runs of whitespace and separators
 *   collapsed to one separator ({@code Café & Crème} → {@code cafe-creme});</li>
 *   <li>{@link Kind#UNICODE}: {@code toc.slugify_unicode}, the same without the ASCII step;</li>
 *   <li>{@link Kind#PYMDOWNX}: {@code pymdownx.slugs.slugify} ({@code uslugify}, {@code gfm}…): HTML tags stripped,
 *   NFC, trimmed, case as configured, everything but word characters, {@code -} and spaces removed, each space to one
 *   separator (not collapsed, like GitHub);</li>
 *   <li>{@link Kind#UNKNOWN}: a function the tool does not know (the site's own code): ids cannot be computed.</li>
 * </ul>
 * Python's {@code \w} on text is a letter or number of any script or {@code _} ({@code str.isalnum}); combining marks
 * are not word characters there, so they are removed. Duplicates are numbered like {@code toc.unique}: {@code faq},
 * {@code faq_1}, {@code faq_2}. Not thread-safe: one instance per page.
 */
public final class TocSlugify {

    /** Which slugify function. */
    public enum Kind { ASCII, UNICODE, PYMDOWNX, UNKNOWN }

    /** Case handling of {@code pymdownx.slugs.slugify(case=…)}. */
    public enum Case { NONE, LOWER, LOWER_ASCII, FOLD }

    private static final Pattern NOT_WORD_SPACE_DASH = Pattern.compile("[^\\p{L}\\p{N}_\\s-]");
    private static final Pattern NOT_WORD_SPACE_DASH_ASCII = Pattern.compile("[^A-Za-z0-9_\\s-]");
    private static final Pattern NOT_WORD_DASH_SPACE_PYMDOWNX = Pattern.compile("[^\\p{L}\\p{N}_\\- ]");
    private static final Pattern TAGS = Pattern.compile("</?[^>]*>");
    private static final Pattern COUNTED = Pattern.compile("^(.*)_([0-9]+)$");

    private final Kind kind;
    private final Case letterCase;
    private final String separator;
    private final Set<String> used = new HashSet<>();

    public TocSlugify(Kind kind, Case letterCase, String separator) {
        this.kind = kind;
        this.letterCase = letterCase;
        this.separator = separator == null ? "-" : separator;
    }

    /** Marks an id as taken (an attribute list's id, a raw HTML id), as {@code toc} does before numbering. */
    public void reserve(String id) {
        used.add(id);
    }

    /** The unique id of a heading with this text, or null when the function is unknown. */
    public String unique(String text) {
        String id = slugOf(text);
        return id == null ? null : uniqueSlug(id);
    }

    /** A slug made unique against the ids taken so far ({@code toc.unique}), then taken. */
    public String uniqueSlug(String slug) {
        String id = slug;
        while (id.isEmpty() || used.contains(id)) {
            Matcher m = COUNTED.matcher(id);
            id = m.matches() ? m.group(1) + "_" + (Integer.parseInt(m.group(2)) + 1) : id + "_1";
        }
        used.add(id);
        return id;
    }

    /** The slug of a text without numbering, or null when the function is unknown. */
    public String slugOf(String text) {
        return switch (kind) {
            case ASCII -> python(asciiOnly(text), true);
            case UNICODE -> python(text, false);
            case PYMDOWNX -> pymdownx(text);
            case UNKNOWN -> null;
        };
    }

    private static String asciiOnly(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(n.length());
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (c < 0x80) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private String python(String text, boolean ascii) {
        String v = (ascii ? NOT_WORD_SPACE_DASH_ASCII : NOT_WORD_SPACE_DASH).matcher(text).replaceAll("");
        v = v.strip().toLowerCase(Locale.ROOT);
        return v.replaceAll("[" + Pattern.quote(separator) + "\\s]+", java.util.regex.Matcher.quoteReplacement(
                separator));
    }

    private String pymdownx(String text) {
        String v = TAGS.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll("").strip();
        v = switch (letterCase) {
            case LOWER -> v.toLowerCase(Locale.ROOT);
            case FOLD -> v.toLowerCase(Locale.ROOT).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
            case LOWER_ASCII -> lowerAscii(v);
            case NONE -> v;
        };
        v = NOT_WORD_DASH_SPACE_PYMDOWNX.matcher(v).replaceAll("");
        return v.replace(" ", separator);
    }

    private static String lowerAscii(String v) {
        StringBuilder out = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return out.toString();
    }
}
