package io.samokoder.model.migrations;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An INI file as Python's {@code configparser} reads it ({@code alembic.ini}): sections, {@code key = value} or
 * {@code key: value}, indented continuation lines, {@code #}/{@code ;} comment lines, keys case-folded. Keeps the line of
 * every key. Never throws.
 */
public final class IniFile {

    /** A value and the line of its key. */
    public record Entry(String value, int line) {
    }

    private final Map<String, Map<String, Entry>> sections = new LinkedHashMap<>();

    public static IniFile parse(String text) {
        IniFile ini = new IniFile();
        Map<String, Entry> current = null;
        String lastKey = null;
        String[] lines = text.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            String trimmed = raw.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith(";")) {
                if (trimmed.isEmpty()) {
                    lastKey = null;
                }
                continue;
            }
            boolean indented = Character.isWhitespace(raw.charAt(0));
            if (indented && current != null && lastKey != null) {
                Entry e = current.get(lastKey);
                current.put(lastKey, new Entry((e.value() + "\n" + trimmed).strip(), e.line()));
                continue;
            }
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                String name = trimmed.substring(1, trimmed.length() - 1).strip();
                current = ini.sections.computeIfAbsent(name, k -> new LinkedHashMap<>());
                lastKey = null;
                continue;
            }
            int eq = -1;
            for (int k = 0; k < trimmed.length(); k++) {
                char c = trimmed.charAt(k);
                if (c == '=' || c == ':') {
                    eq = k;
                    break;
                }
            }
            if (current == null || eq <= 0) {
                continue;
            }
            String key = trimmed.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = trimmed.substring(eq + 1).strip();
            current.put(key, new Entry(value, i + 1));
            lastKey = key;
        }
        return ini;
    }

    public Map<String, Map<String, Entry>> sections() {
        return sections;
    }

    /** A value with {@code %(here)s} and {@code %(other_key)s} of the same section (or DEFAULT) substituted. */
    public String interpolate(String section, String value, String here) {
        String out = value;
        for (int round = 0; round < 5 && out.contains("%("); round++) {
            StringBuilder sb = new StringBuilder();
            int i = 0;
            while (i < out.length()) {
                int start = out.indexOf("%(", i);
                int end = start < 0 ? -1 : out.indexOf(")s", start);
                if (start < 0 || end < 0) {
                    sb.append(out, i, out.length());
                    break;
                }
                sb.append(out, i, start);
                String name = out.substring(start + 2, end).toLowerCase(Locale.ROOT);
                String replacement;
                if (name.equals("here")) {
                    replacement = here;
                } else {
                    Entry e = sections.getOrDefault(section, Map.of()).get(name);
                    if (e == null) {
                        e = sections.getOrDefault("DEFAULT", Map.of()).get(name);
                    }
                    replacement = e == null ? out.substring(start, end + 2) : e.value();
                }
                sb.append(replacement);
                i = end + 2;
            }
            out = sb.toString();
        }
        return out.replace("%%", "%");
    }
}
