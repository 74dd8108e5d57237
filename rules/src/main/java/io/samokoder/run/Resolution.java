package io.samokoder.run;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Takes each setting from the highest source that sets it and says which lower values that ignores: one warning line
 * per setting a lower source set differently, naming both sources. A map (weights, rule severities, options) is one
 * setting per key.
 */
final class Resolution {

    private final List<Source> sources;
    private final Settings fallback;
    private final List<String> warnings = new java.util.ArrayList<>();
    private final Map<String, String> origins = new HashMap<>();

    /** @param fallback values below every source (never warned about), above the built-in defaults */
    Resolution(List<Source> sources, Settings fallback) {
        this.sources = sources;
        this.fallback = fallback;
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    /** Where the value of a setting came from ({@code --disable}, {@code .samokoder.yml:4}), or "the defaults". */
    String origin(String setting) {
        return origins.getOrDefault(setting, "the defaults");
    }

    <T> T pick(String setting, Function<Settings, T> get, T builtIn) {
        T chosen = null;
        Source from = null;
        for (Source s : sources) {
            T v = get.apply(s.settings());
            if (v == null) {
                continue;
            }
            if (from == null) {
                chosen = v;
                from = s;
                origins.put(setting, s.where().apply(setting));
            } else if (!Objects.equals(v, chosen)) {
                warnings.add("samokoder: " + setting + " " + show(v) + " from " + s.where().apply(setting)
                        + " is ignored: " + from.where().apply(setting) + " sets " + show(chosen));
            }
        }
        if (from != null) {
            return chosen;
        }
        T low = get.apply(fallback);
        return low != null ? low : builtIn;
    }

    /** Each key of a map setting on its own: the highest source that sets the key wins it. */
    <V> Map<String, V> pickEach(String setting, Function<Settings, Map<String, V>> get) {
        Set<String> keys = new TreeSet<>();
        for (Source s : sources) {
            Map<String, V> m = get.apply(s.settings());
            if (m != null) {
                keys.addAll(m.keySet());
            }
        }
        Map<String, V> out = new LinkedHashMap<>();
        for (String key : keys) {
            out.put(key, pick(setting + "." + key, s -> {
                Map<String, V> m = get.apply(s);
                return m == null ? null : m.get(key);
            }, null));
        }
        return out;
    }

    private static String show(Object v) {
        if (v instanceof Locale l) {
            return l.getLanguage();
        }
        if (v instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT);
        }
        if (v instanceof Collection<?> c && c.size() == 1 && !(v instanceof Set)) {
            return String.valueOf(c.iterator().next());
        }
        if (v instanceof Path p) {
            return p.getFileName() == null ? p.toString() : p.getFileName().toString();
        }
        return String.valueOf(v);
    }
}
