package io.samokoder.report;

import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Baseline;
import io.samokoder.audit.Gate;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.RuleMeta;
import io.samokoder.i18n.Text;

import java.util.Locale;

/**
 * The phrases the SARIF, JUnit, JSON, console and annotation outputs share, from {@code report/Messages}: English
 * patterns that give these outputs' bytes, and the same phrases in the other report languages.
 */
final class ReportTexts {

    private ReportTexts() {
    }

    static String t(Locale locale, String key, Object... args) {
        return Text.of(key, args).render(locale);
    }

    /** The category's name: its id in English. */
    static String category(Category c, Locale locale) {
        return t(locale, "report.category." + c.id());
    }

    /** {@code location: [rule] severity: message}, as the console and the JUnit details print a finding. */
    static String finding(Finding f, String location, Locale locale) {
        return t(locale, "report.finding", location, f.ruleId(), Gate.severity(f.severity()).render(locale),
                f.messageIn(locale));
    }

    /**
     * What a baseline entry no longer found says: the message the baseline stored (as it was reported, in English),
     * or in another language the rule's summary in it, since the finding whose text it was is gone.
     */
    static String fixedMessage(AuditResult result, Baseline.Entry e, Locale locale) {
        if (locale == null || locale.getLanguage().equals("en") || locale.getLanguage().isEmpty()) {
            return e.message();
        }
        for (RuleMeta m : result.allRules()) {
            if (m.id().equals(e.ruleId())) {
                return m.summaryIn(locale);
            }
        }
        return e.message();
    }
}
