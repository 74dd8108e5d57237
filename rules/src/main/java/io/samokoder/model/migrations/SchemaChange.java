package io.samokoder.model.migrations;

import java.util.List;

/**
 * One thing a migration statement does to the database, whether it was written as an Alembic operation
 * ({@code op.add_column}) or as SQL run through {@code op.execute}: what it does ({@link Act}) to which kind of object
 * ({@link Kind}), named as far as the source says.
 *
 * @param act     what happens
 * @param kind    to what
 * @param table   the owning table for columns, indexes, constraints, triggers and row changes (the enum type for
 *                enum values; {@code schema.name} when a schema is named), else null
 * @param name    the object's name (the verb for {@link Kind#ROWS}); null when not a literal
 * @param newName the new name for {@link Act#RENAME}
 * @param columns the columns an index or constraint covers, the columns a table is created with, or the columns an
 *                UPDATE sets; empty when unknown
 * @param ctype   constraint type ({@code foreignkey}, {@code unique}, {@code check}, {@code primary}), else null
 * @param guarded {@code IF EXISTS} / {@code IF NOT EXISTS}: the author did not know whether the object exists
 * @param shown   how the statement is shown in messages ({@code ALTER TABLE projects DROP CONSTRAINT …}), never more
 *                than verbs and object names
 * @param sources for {@code INSERT … SELECT}, the tables read
 */
public record SchemaChange(Act act, Kind kind, String table, String name, String newName, List<String> columns,
                           String ctype, boolean guarded, String shown, List<String> sources) {

    /** What a statement does. */
    public enum Act {
        CREATE, DROP, RENAME, ALTER,
        /** {@code CREATE OR REPLACE}: creates or redefines */
        REPLACE,
        /** changes rows ({@link Kind#ROWS}) */
        DATA,
        /** changes nothing that a downgrade has to undo: session settings, reads, transaction control, statistics */
        NEUTRAL,
        /** could not be read: runs code or SQL this analysis cannot see into */
        UNKNOWN
    }

    /** The kind of object a statement acts on. */
    public enum Kind {
        TABLE, COLUMN, INDEX, CONSTRAINT, TYPE, ENUM_VALUE, FUNCTION, TRIGGER, VIEW, SEQUENCE, EXTENSION, SCHEMA,
        OTHER, ROWS;

        /** {@link #word()} for reports in every language (as the object of a verb: "creates a trigger"). */
        public io.samokoder.i18n.Text wordText() {
            return io.samokoder.i18n.Text.of("model.kind." + name());
        }

        /** Lower-case words for messages. */
        public String word() {
            return switch (this) {
                case ENUM_VALUE -> "enum value";
                case OTHER -> "object";
                case ROWS -> "rows";
                default -> name().toLowerCase(java.util.Locale.ROOT);
            };
        }
    }

    public SchemaChange {
        columns = columns == null ? List.of() : List.copyOf(columns);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    static SchemaChange of(Act act, Kind kind, String table, String name, String shown) {
        return new SchemaChange(act, kind, table, name, null, List.of(), null, false, shown, List.of());
    }

    SchemaChange withGuard(boolean g) {
        return new SchemaChange(act, kind, table, name, newName, columns, ctype, g, shown, sources);
    }

    SchemaChange withColumns(List<String> c) {
        return new SchemaChange(act, kind, table, name, newName, c, ctype, guarded, shown, sources);
    }

    SchemaChange withNewName(String n) {
        return new SchemaChange(act, kind, table, name, n, columns, ctype, guarded, shown, sources);
    }

    SchemaChange withCtype(String c) {
        return new SchemaChange(act, kind, table, name, newName, columns, c, guarded, shown, sources);
    }

    SchemaChange withSources(List<String> s) {
        return new SchemaChange(act, kind, table, name, newName, columns, ctype, guarded, shown, s);
    }

    SchemaChange withShown(String s) {
        return new SchemaChange(act, kind, table, name, newName, columns, ctype, guarded, s, sources);
    }
}
