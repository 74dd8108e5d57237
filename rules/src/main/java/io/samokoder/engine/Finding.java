package io.samokoder.engine;

import io.samokoder.i18n.Text;
import java.util.Comparator;
import java.util.Objects;

/**
 * One problem at one place. Secret values never enter a finding: rules pass them through {@link Masking} before
 * building the message, and credentials in URLs ({@code user:password@host}) are masked here, for every rule.
 *
 * @param path           repository-relative, names joined by {@code /}; a name holds any character its file's name
 *                       does (a backslash, a control character; U+FFFD for bytes that are not UTF-8): outputs
 *                       escape it for their medium
 * @param line           1-based; 0 when the finding concerns the whole file
 * @param column         1-based; 0 when unknown
 * @param fingerprintKey what identifies the finding apart from its position (defaults to the text of its line)
 * @param fingerprint    stable id computed by the engine; survives unrelated line shifts
 * @param text           the message as a {@link Text}, for reports in other languages; null when the rule gave only
 *                       English ({@code message} is always the English text: fingerprints and baselines read it)
 * @param remediationText the remediation as a {@link Text}; null when it is English only
 */
public record Finding(String ruleId, Category category, Severity severity, String path, int line, int column,
                      String message, String remediation, String fingerprintKey, String fingerprint, Status status,
                      String suppressionReason, Text text, Text remediationText) {

    /** How the gate treats a finding. */
    public enum Status {
        /** Not in the baseline: the gate looks at it. */
        NEW,
        /** Accepted in the baseline: reported, does not gate. */
        BASELINED,
        /** Suppressed inline or by the suppressions file: not scored, not gated. */
        SUPPRESSED
    }

    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::path)
            .thenComparingInt(Finding::line)
            .thenComparingInt(Finding::column)
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message)
            .thenComparing(f -> Objects.toString(f.fingerprint(), ""));

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        // credentials a message quotes (a scrape target, a link, a connection string) never leave the finding
        message = Masking.maskUrlCredentials(message);
        remediation = remediation == null ? "" : Masking.maskUrlCredentials(remediation);
        status = status == null ? Status.NEW : status;
        line = Math.max(0, line);
        column = Math.max(0, column);
    }

    /** A finding whose message and remediation are English only. */
    public Finding(String ruleId, Category category, Severity severity, String path, int line, int column,
                   String message, String remediation, String fingerprintKey, String fingerprint, Status status,
                   String suppressionReason) {
        this(ruleId, category, severity, path, line, column, message, remediation, fingerprintKey, fingerprint, status,
                suppressionReason, null, null);
    }

    /** The message in the given language; English where the rule has no text in it. */
    public String messageIn(java.util.Locale locale) {
        if (text == null || locale == null || locale.getLanguage().equals("en")) {
            return message;
        }
        return Masking.maskUrlCredentials(text.render(locale));
    }

    /** The remediation in the given language; English where there is no text in it. */
    public String remediationIn(java.util.Locale locale) {
        if (remediationText == null || locale == null || locale.getLanguage().equals("en")) {
            return remediation;
        }
        // the rule's own remediation: its English lives in @RuleInfo, only the other languages in a bundle
        String k = remediationText.key();
        if (k != null && k.startsWith("rule.") && !Text.has(k, locale)) {
            return remediation;
        }
        return Masking.maskUrlCredentials(remediationText.render(locale));
    }

    /** Starts a finding of the given rule with the rule's default severity and remediation. */
    public static Builder of(RuleMeta meta) {
        return new Builder(meta);
    }

    public static Builder of(Rule rule) {
        return new Builder(rule.meta());
    }

    public Finding withFingerprint(String value) {
        return new Finding(ruleId, category, severity, path, line, column, message, remediation, fingerprintKey, value,
                status, suppressionReason, text, remediationText);
    }

    public Finding withStatus(Status value, String reason) {
        return new Finding(ruleId, category, severity, path, line, column, message, remediation, fingerprintKey,
                fingerprint, value, reason, text, remediationText);
    }

    public Finding withSeverity(Severity value) {
        return new Finding(ruleId, category, value, path, line, column, message, remediation, fingerprintKey,
                fingerprint, status, suppressionReason, text, remediationText);
    }

    /** {@code path:line} as tools and editors print it. */
    public String location() {
        return line > 0 ? path + ":" + line : path;
    }

    public boolean isActive() {
        return status != Status.SUPPRESSED;
    }

    public static final class Builder {
        private final RuleMeta meta;
        private Severity severity;
        private String path;
        private int line;
        private int column;
        private String message;
        private Text text;
        private String remediation;
        private Text remediationText;
        private String key;

        private Builder(RuleMeta meta) {
            this.meta = meta;
            this.severity = meta.severity();
            this.remediation = meta.remediation();
            this.remediationText = Text.rule(meta.id(), "remediation");
        }

        public Builder at(String path, int line, int column) {
            this.path = path;
            this.line = line;
            this.column = column;
            return this;
        }

        public Builder at(String path, int line) {
            return at(path, line, 0);
        }

        public Builder severity(Severity value) {
            this.severity = value;
            return this;
        }

        /** An English-only message; prefer {@link #message(Text)}. */
        public Builder message(String value) {
            this.message = value;
            this.text = null;
            return this;
        }

        /** The message in every report language; its English rendering is the finding's {@code message}. */
        public Builder message(Text value) {
            this.message = value.english();
            this.text = value;
            return this;
        }

        /** An English-only remediation; prefer {@link #remediation(Text)}. */
        public Builder remediation(String value) {
            this.remediation = value;
            this.remediationText = null;
            return this;
        }

        public Builder remediation(Text value) {
            this.remediation = value.english();
            this.remediationText = value;
            return this;
        }

        /** A stable discriminator (variable name, host, revision id) that keeps the fingerprint when lines move. */
        public Builder key(String value) {
            this.key = value;
            return this;
        }

        public Finding build() {
            return new Finding(meta.id(), meta.category(), severity, path, line, column, message, remediation, key,
                    null, Status.NEW, null, text, remediationText);
        }
    }
}
