package io.samokoder.model.alertmanager;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The table of Alertmanager (and Prometheus) field types in {@code field-types.tsv}: data, not code, so that a field
 * added by a new Alertmanager release is one line. A later row for the same context and field wins, so a user table
 * appended to the built-in one overrides it.
 */
public final class FieldTypes {

    /** What kind of value a field holds, which decides what an unexpanded placeholder there does. */
    public enum Type {
        INT("an integer"), FLOAT("a number"), BOOL("a boolean"), DURATION("a duration such as 5m"),
        LABEL_NAME("a label name"), RECEIVER_REF("the name of a defined receiver"),
        INTERVAL_REF("the name of a defined time interval"), URL("an http(s) URL"),
        URL_LENIENT("a URL"), SECRET_URL("an http(s) URL"), HOST_PORT("host:port"), SECRET("a secret string"),
        STRING("a string"), MATCHER("a label matcher"), REGEX("a regular expression"), PATH("a file path");

        private final String description;

        Type(String description) {
            this.description = description;
        }

        /** {@link #description()} for reports in every language. */
        public io.samokoder.i18n.Text descriptionText() {
            return io.samokoder.i18n.Text.of("model.fieldType." + name());
        }

        public String description() {
            return description;
        }

        /** Secret-bearing types, whose literal values must never be printed. */
        public boolean isSecret() {
            return this == SECRET || this == SECRET_URL;
        }
    }

    /** One row of the table. */
    public record Field(String context, String field, Type type, Optional<String> fileField) {
        boolean matches(String candidate) {
            if (field.endsWith(".*")) {
                String prefix = field.substring(0, field.length() - 1);
                return candidate.startsWith(prefix) && candidate.length() > prefix.length();
            }
            return field.equals(candidate);
        }
    }

    private static final String RESOURCE = "field-types.tsv";
    private static volatile FieldTypes builtIn;

    private final List<Field> rows;

    private FieldTypes(List<Field> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The table shipped with the plugin. */
    public static FieldTypes builtIn() {
        FieldTypes t = builtIn;
        if (t == null) {
            try (InputStream in = FieldTypes.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + RESOURCE);
                }
                t = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builtIn = t;
        }
        return t;
    }

    /** Parses table text; malformed rows are an error (the table is ours or the user's, and must be right). */
    public static FieldTypes parse(String text) {
        List<Field> rows = new ArrayList<>();
        int number = 0;
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t", -1);
                if (cols.length != 4) {
                    throw new IllegalArgumentException("field-types row " + number + ": expected 4 tab-separated columns");
                }
                Type type = Type.valueOf(cols[2].trim().toUpperCase(Locale.ROOT));
                String file = cols[3].trim();
                rows.add(new Field(cols[0].trim(), cols[1].trim(), type,
                        file.isEmpty() || file.equals("-") ? Optional.empty() : Optional.of(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FieldTypes(rows);
    }

    public FieldTypes plus(FieldTypes more) {
        List<Field> all = new ArrayList<>(rows);
        all.addAll(more.rows);
        return new FieldTypes(all);
    }

    public List<Field> rows() {
        return rows;
    }

    /**
     * The row for a field: the context's own row for the whole path first, then shorter and shorter tails of the path
     * (so that {@code scrape_configs.static_configs.targets} finds {@code static_configs.targets}), each in the
     * context and then in {@code *}. Unknown fields are plain strings.
     */
    public Field lookup(String context, String field) {
        if (context.isEmpty()) {
            // position unknown (a file that does not parse): the first Alertmanager row for that field name
            for (Field f : rows) {
                if (!f.context().equals("prometheus") && f.matches(field)) {
                    return f;
                }
            }
        }
        String candidate = field;
        while (true) {
            Field hit = find(context, candidate);
            if (hit == null) {
                hit = find("*", candidate);
            }
            if (hit != null) {
                return hit;
            }
            int dot = candidate.indexOf('.');
            if (dot < 0) {
                return new Field(context, field, Type.STRING, Optional.empty());
            }
            candidate = candidate.substring(dot + 1);
        }
    }

    private Field find(String context, String candidate) {
        Field hit = null;
        for (Field f : rows) {
            if (f.context().equals(context) && f.matches(candidate)) {
                hit = f; // the last row wins
            }
        }
        return hit;
    }
}
