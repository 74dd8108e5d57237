package io.samokoder.report;

import io.samokoder.engine.AuditException;

import java.util.Locale;

/** The report languages: {@code en} (default) and {@code ru}. */
public final class ReportLocales {

    private ReportLocales() {
    }

    public static Locale parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        if (t.isEmpty() || t.equals("en") || t.startsWith("en-")) {
            return Locale.ENGLISH;
        }
        if (t.equals("ru") || t.startsWith("ru-")) {
            return Locale.forLanguageTag("ru");
        }
        throw new AuditException("unsupported locale '" + text + "' (expected en or ru)");
    }
}
