package io.samokoder.run;

import java.util.Map;
import java.util.function.Function;

/**
 * One source of settings and how to name it in a warning: {@code where} maps a setting ({@code minScore}, or
 * {@code weights.secrets}, {@code options.docs.online}, {@code rules.<id>} for one key of a map) to where the user
 * wrote it ({@code --min-score}, {@code -Dsamokoder.minScore}, {@code .samokoder.yml:3}).
 */
public record Source(Settings settings, Function<String, String> where) {

    /** A source named the same for every setting. */
    public static Source named(String name, Settings settings) {
        return new Source(settings, setting -> name);
    }

    /**
     * A source whose settings have names of their own ({@code minScore} → {@code --min-score}); the others are named
     * {@code fallback}.
     */
    public static Source named(Map<String, String> names, String fallback, Settings settings) {
        return new Source(settings, setting -> names.getOrDefault(base(setting), fallback));
    }

    /** The setting without the key of a map: {@code weights.secrets} → {@code weights}. */
    static String base(String setting) {
        int dot = setting.indexOf('.');
        return dot < 0 ? setting : setting.substring(0, dot);
    }
}
