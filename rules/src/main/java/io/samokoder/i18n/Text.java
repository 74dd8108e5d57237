package io.samokoder.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.PropertyResourceBundle;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A piece of report prose that can be rendered in each report language: a message key and its arguments. The
 * English pattern lives in a {@code Messages.properties} bundle, the Russian one in {@code Messages_ru.properties}
 * next to it. Arguments are verbatim (names, paths, quoted file text, numbers), another {@code Text} (a reason that is
 * itself prose), or a list of them (joined with {@code ", "}).
 *
 * <p>The bundle is chosen by the key's first segment: a category id ({@code monitoring.…}) reads
 * {@code io/samokoder/rules/<category>/Messages}, {@code model.…} reads {@code io/samokoder/model/Messages},
 * {@code engine.…} reads {@code io/samokoder/engine/Messages}, {@code audit.…} and {@code report.…} the gate's and the
 * reporters' own phrases ({@code io/samokoder/audit/Messages}, {@code io/samokoder/report/Messages}), and
 * {@code rule.<id>.summary|remediation|description} reads the Russian rule texts
 * ({@code io/samokoder/rules/RuleTexts_ru}; the English of those stays in {@code @RuleInfo}).
 *
 * <p>Patterns use {@code {0}}, {@code {1}} … and nothing else of {@link java.text.MessageFormat}: apostrophes, braces
 * of {@code ${VAR}} and numbers are printed as written, never reformatted for a locale.
 *
 * @param key  bundle key; null for a verbatim text ({@link #verbatim}), which is the same in every language
 * @param args arguments of the pattern
 */
public record Text(String key, List<Object> args) {

    public static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private static final ConcurrentHashMap<String, ResourceBundle> BUNDLES = new ConcurrentHashMap<>();
    private static final ResourceBundle EMPTY = new java.util.ListResourceBundle() {
        @Override
        protected Object[][] getContents() {
            return new Object[0][];
        }
    };

    public Text {
        args = args == null ? List.of() : List.copyOf(args.stream().map(a -> a == null ? "" : a).toList());
        if (key != null && key.isEmpty()) {
            // prose without a key would read as English in every language
            throw new IllegalArgumentException("a text has a key, or none (verbatim)");
        }
        if (key == null && args.size() != 1) {
            throw new IllegalArgumentException("a verbatim text has exactly one argument");
        }
    }

    public static Text of(String key, Object... args) {
        Objects.requireNonNull(key, "key");
        return new Text(key, Arrays.asList(args));
    }

    /** Text that reads the same in every language: a parser's own error, a quoted line, a name. */
    public static Text verbatim(String text) {
        return new Text(null, List.of(text == null ? "" : text));
    }

    /** A name, path or list of them quoted from the repository: as is in English, as code in other languages. */
    public static Text code(String text) {
        return of("engine.code", text == null ? "" : text);
    }

    /** The rule's summary, remediation or description in Russian ({@code part} names which). */
    public static Text rule(String ruleId, String part) {
        return of("rule." + ruleId + "." + part);
    }

    public String english() {
        return render(Locale.ENGLISH);
    }

    /** This text in the given language; a key without a text in that language falls back to English. */
    public String render(Locale locale) {
        if (key == null) {
            return String.valueOf(args.get(0));
        }
        return format(pattern(key, locale), locale);
    }

    private String format(String pattern, Locale locale) {
        StringBuilder out = new StringBuilder(pattern.length() + 32);
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '{') {
                int close = pattern.indexOf('}', i + 1);
                if (close > i + 1 && close - i <= 3 && pattern.substring(i + 1, close).chars().allMatch(Character::isDigit)) {
                    int n = Integer.parseInt(pattern.substring(i + 1, close));
                    if (n >= args.size()) {
                        throw new IllegalStateException("message '" + key + "' uses {" + n + "} but has " + args.size()
                                + " arguments");
                    }
                    out.append(arg(args.get(n), locale));
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String arg(Object a, Locale locale) {
        if (a instanceof Text t) {
            return t.render(locale);
        }
        if (a instanceof List<?> list) {
            List<String> parts = new ArrayList<>(list.size());
            for (Object o : list) {
                parts.add(arg(o, locale));
            }
            return String.join(", ", parts);
        }
        return String.valueOf(a);
    }

    /** Every key this text and its nested texts use, for completeness checks. */
    public void keys(Consumer<String> sink) {
        if (key != null) {
            sink.accept(key);
        }
        for (Object a : args) {
            visit(a, sink);
        }
    }

    private static void visit(Object a, Consumer<String> sink) {
        if (a instanceof Text t) {
            t.keys(sink);
        } else if (a instanceof List<?> list) {
            list.forEach(o -> visit(o, sink));
        }
    }

    /** Whether this text, or a text nested in it, has no pattern of its own in the given language. */
    public boolean fallsBack(Locale locale) {
        boolean[] missing = {false};
        keys(k -> missing[0] |= !has(k, locale));
        return missing[0];
    }

    /** Whether the bundle of the given language itself (not the English it falls back to) holds the key. */
    public static boolean has(String key, Locale locale) {
        if (key.isEmpty()) {
            return false;
        }
        return bundle(key, language(locale)).containsKey(key);
    }

    static String pattern(String key, Locale locale) {
        String lang = language(locale);
        ResourceBundle b = bundle(key, lang);
        if (b.containsKey(key)) {
            return b.getString(key);
        }
        ResourceBundle en = bundle(key, "en");
        if (en.containsKey(key)) {
            return en.getString(key);
        }
        throw new IllegalStateException("message '" + key + "' has no text");
    }

    private static String language(Locale locale) {
        String l = locale.getLanguage();
        return l.isEmpty() ? "en" : l;
    }

    /** The base name of the bundle a key lives in. */
    public static String baseName(String key) {
        int dot = key.indexOf('.');
        String first = dot < 0 ? key : key.substring(0, dot);
        return switch (first) {
            case "model" -> "io.samokoder.model.Messages";
            case "engine" -> "io.samokoder.engine.Messages";
            case "audit" -> "io.samokoder.audit.Messages";
            case "report" -> "io.samokoder.report.Messages";
            case "rule" -> "io.samokoder.rules.RuleTexts";
            default -> "io.samokoder.rules." + first + ".Messages";
        };
    }

    /** One language's own file, without parents: English is {@code Base.properties}, Russian {@code Base_ru.properties}. */
    static ResourceBundle bundle(String key, String lang) {
        String base = baseName(key);
        return BUNDLES.computeIfAbsent(base + "|" + lang, k -> {
            String name = base.replace('.', '/') + (lang.equals("en") ? "" : "_" + lang) + ".properties";
            try (InputStream in = Text.class.getClassLoader().getResourceAsStream(name)) {
                return in == null ? EMPTY : new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
        });
    }

    @Override
    public String toString() {
        return english();
    }
}
