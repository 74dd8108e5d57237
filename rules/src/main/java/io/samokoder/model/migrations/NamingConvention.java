package io.samokoder.model.migrations;

import io.samokoder.model.migrations.PyTokenizer.Kind;
import io.samokoder.model.migrations.PyTokenizer.Token;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQLAlchemy naming convention of a project's metadata ({@code MetaData(naming_convention={"ck":
 * "ck_%(table_name)s_%(constraint_name)s", …})}), which Alembic applies to the names its operations are given:
 * {@code op.create_check_constraint("positive", "t", …)} creates {@code ck_t_positive}. A name wrapped in
 * {@code op.f()} is taken as final; a template without {@code %(constraint_name)s} leaves given names alone and only
 * names unnamed constraints.
 */
public final class NamingConvention {

    /** No convention: names are used as given. */
    public static final NamingConvention NONE = new NamingConvention(Map.of(), List.of());

    private static final Pattern TOKEN = Pattern.compile("%\\((\\w+)\\)s");

    private final Map<String, String> templates;
    private final List<String> sources;

    private NamingConvention(Map<String, String> templates, List<String> sources) {
        this.templates = Map.copyOf(templates);
        this.sources = List.copyOf(sources);
    }

    /** The files the convention was read from. */
    public List<String> sources() {
        return sources;
    }

    public Map<String, String> templates() {
        return templates;
    }

    /**
     * Reads the conventions in Python sources: dict literals with {@code ix}/{@code uq}/{@code ck}/{@code fk}/
     * {@code pk} keys and string templates. Keys whose templates disagree between sources are left out.
     */
    static NamingConvention read(Map<String, String> textByPath) {
        Map<String, String> found = new HashMap<>();
        Map<String, Boolean> conflict = new HashMap<>();
        List<String> sources = new ArrayList<>();
        for (Map.Entry<String, String> e : textByPath.entrySet()) {
            Map<String, String> in = dictTemplates(e.getValue());
            if (in.isEmpty()) {
                continue;
            }
            sources.add(e.getKey());
            in.forEach((k, v) -> {
                String before = found.putIfAbsent(k, v);
                if (before != null && !before.equals(v)) {
                    conflict.put(k, true);
                }
            });
        }
        conflict.keySet().forEach(found::remove);
        if (found.isEmpty()) {
            return NONE;
        }
        return new NamingConvention(found, sources);
    }

    private static Map<String, String> dictTemplates(String text) {
        Map<String, String> out = new HashMap<>();
        List<Token> t = PyTokenizer.tokenize(text).tokens();
        for (int i = 0; i + 2 < t.size(); i++) {
            Token k = t.get(i);
            if (k.kind() == Kind.STRING && !k.fString() && t.get(i + 1).is(":") && t.get(i + 2).kind() == Kind.STRING
                    && (i == 0 || t.get(i - 1).is("{") || t.get(i - 1).is(","))) {
                String key = k.value();
                String value = t.get(i + 2).value();
                if ((key.equals("ix") || key.equals("uq") || key.equals("ck") || key.equals("fk") || key.equals("pk"))
                        && value.contains("%(")) {
                    out.put(key, value);
                }
            }
        }
        return out;
    }

    /**
     * The name the database gets.
     *
     * @param key      {@code ix}, {@code uq}, {@code ck}, {@code fk} or {@code pk}
     * @param name     the name given (null for None)
     * @param isFinal  the name was wrapped in {@code op.f()}
     * @param table    the table (schema-qualified or not)
     * @param columns  the constraint's columns, when known
     * @param referred the referred table of a foreign key, when known
     * @return the rendered name, the given name when the convention does not apply, or null when it applies but
     *         cannot be rendered from what the operation says
     */
    public String render(String key, String name, boolean isFinal, String table, List<String> columns,
                         String referred) {
        String template = key == null ? null : templates.get(key);
        if (template == null || isFinal || (name != null && !template.contains("%(constraint_name)s"))) {
            return name;
        }
        String bare = table == null ? null : table.substring(table.lastIndexOf('.') + 1);
        Matcher m = TOKEN.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String token = m.group(1);
            String col0 = columns == null || columns.isEmpty() ? null : columns.get(0);
            String value = switch (token) {
                case "table_name" -> bare;
                case "constraint_name" -> name;
                case "referred_table_name" -> referred == null ? null
                        : referred.substring(referred.lastIndexOf('.') + 1);
                case "column_0_name" -> col0;
                case "column_0_label" -> bare == null || col0 == null ? null : bare + "_" + col0;
                case "column_0_N_name" -> columns == null || columns.isEmpty() ? null : String.join("_", columns);
                case "column_0N_name" -> columns == null || columns.isEmpty() ? null : String.join("", columns);
                default -> null;
            };
            if (value == null) {
                return null;
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamingConvention n && n.templates.equals(templates);
    }

    @Override
    public int hashCode() {
        return templates.hashCode();
    }
}
