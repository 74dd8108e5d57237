package io.samokoder.model.markdown;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Heading anchors exactly as GitHub (and github-slugger 2.x, which remark-validate-links uses) make them.
 *
 * <p>github-slugger lowercases the text, removes every code point of the Unicode general categories Other_Number,
 * the Open/Close/Initial/Final/Other/Dash punctuation, every Symbol, Control, Private_Use, Format, Unassigned and
 * Separator category, except code points with the Alphabetic property, the ASCII space and the hyphen-minus, and
 * then replaces each remaining space by {@code -}. It does <em>not</em> trim: {@code 📊 Мониторинг} becomes
 * {@code -мониторинг} because the emoji (a Symbol) goes and its space stays. Letters of every script, combining marks
 * (including the emoji variation selector U+FE0F, a nonspacing mark), decimal and letter numbers and connector
 * punctuation ({@code _}) are kept. Java 17 implements Unicode 13.0, the version github-slugger's table was generated
 * from, so {@link Character#getType(int)} yields the same categories.
 *
 * <p>A slugger instance numbers duplicates like github-slugger: the second {@code foo} is {@code foo-1}, the third
 * {@code foo-2}; a later heading whose own slug is {@code foo-1} becomes {@code foo-1-1}. Not thread-safe; use one per
 * document.
 */
public final class GithubSlugger {

    private final Map<String, Integer> occurrences = new HashMap<>();

    /** A unique slug for {@code text} within this slugger's document. */
    public String slug(String text) {
        String base = slugOf(text);
        String result = base;
        while (occurrences.containsKey(result)) {
            int n = occurrences.merge(base, 1, Integer::sum);
            result = base + "-" + n;
        }
        occurrences.put(result, 0);
        return result;
    }

    /** The slug of {@code text} without duplicate numbering. */
    public static String slugOf(String text) {
        if (text == null) {
            return "";
        }
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); ) {
            int cp = lower.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == ' ') {
                out.append('-');
            } else if (!removed(cp)) {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** Whether github-slugger strips this code point. */
    static boolean removed(int cp) {
        if (cp == ' ' || cp == '-') {
            return false;
        }
        switch (Character.getType(cp)) {
            case Character.OTHER_NUMBER,
                 Character.END_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                 Character.START_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.DASH_PUNCTUATION,
                 Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL,
                 Character.CONTROL, Character.PRIVATE_USE, Character.FORMAT, Character.UNASSIGNED,
                 Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> {
                return !Character.isAlphabetic(cp);
            }
            default -> {
                return false;
            }
        }
    }
}
