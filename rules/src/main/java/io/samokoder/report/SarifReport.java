package io.samokoder.report;

import io.samokoder.audit.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.samokoder.audit.AuditResult;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.RuleMeta;
import io.samokoder.engine.Severity;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0 as the contract in DESIGN.md gives it: per result {@code ruleId}, {@code level}, {@code message.text},
 * a repository-relative {@code artifactLocation.uri}, {@code region.startLine}, {@code partialFingerprints} and
 * {@code properties.category}/{@code properties.severity}; {@code runs[0].properties.readinessScore} and
 * {@code categoryScores}; rule metadata as GitHub code scanning reads it ({@link #rule}). No timestamps or absolute
 * paths: the same tree gives the same bytes.
 */
public final class SarifReport {

    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String FINGERPRINT_KEY = "samokoder/v1";
    /** The generated rule reference, whose headings are the rule ids ({@link RuleReference}). */
    static final String RULE_REFERENCE = "docs/rules.md";
    /** GitHub's limit for {@code shortDescription.text} and {@code fullDescription.text}. */
    static final int MAX_DESCRIPTION = 1024;

    private SarifReport() {
    }

    public static byte[] render(AuditResult result) {
        return render(result, java.util.Locale.ENGLISH);
    }

    /**
     * Messages, remediations and the rule table's descriptions and help in the given language; ids, names, URIs and
     * property keys never change.
     */
    public static byte[] render(AuditResult result, java.util.Locale locale) {
        ObjectNode root = Json.object();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", Version.NAME);
        driver.put("semanticVersion", Version.get().replace("-SNAPSHOT", ""));
        driver.put("version", Version.get());
        if (Version.INFORMATION_URI != null) {
            driver.put("informationUri", Version.INFORMATION_URI);
        }
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        List<RuleMeta> metas = result.allRules();
        for (RuleMeta m : metas) {
            index.put(m.id(), index.size());
            rules.add(rule(m, locale));
        }
        run.putObject("originalUriBaseIds").putObject("SRCROOT").putObject("description")
                .put("text", ReportTexts.t(locale, "report.sarif.root"));
        ArrayNode results = run.putArray("results");
        for (Finding f : result.findings()) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.ruleId());
            Integer i = index.get(f.ruleId());
            if (i != null) {
                r.put("ruleIndex", i);
            }
            r.put("level", f.severity().sarifLevel());
            r.putObject("message").put("text", f.messageIn(locale));
            ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
            ObjectNode artifact = physical.putObject("artifactLocation");
            artifact.put("uri", uri(f.path()));
            artifact.put("uriBaseId", "SRCROOT");
            ObjectNode region = physical.putObject("region");
            region.put("startLine", Math.max(1, f.line()));
            if (f.column() > 0) {
                region.put("startColumn", f.column());
            }
            r.putObject("partialFingerprints").put(FINGERPRINT_KEY, f.fingerprint());
            if (result.baselineUsed()) {
                r.put("baselineState", result.baselineFingerprints().contains(f.fingerprint()) ? "unchanged" : "new");
            }
            if (f.status() == Finding.Status.SUPPRESSED) {
                ObjectNode s = r.putArray("suppressions").addObject();
                s.put("kind", "inSource");
                s.put("justification", f.suppressionReason() == null ? "" : f.suppressionReason());
            }
            ObjectNode props = r.putObject("properties");
            props.put("category", f.category().id());
            props.put("severity", f.severity().id());
            if (!f.remediation().isEmpty()) {
                props.put("remediation", f.remediationIn(locale));
            }
        }
        ObjectNode props = run.putObject("properties");
        props.put("readinessScore", result.score().total());
        ObjectNode cats = props.putObject("categoryScores");
        for (Category c : Category.values()) {
            Integer s = result.score().categoryScores().get(c);
            if (s != null) {
                cats.put(c.id(), s);
            }
        }
        ArrayNode na = props.putArray("notApplicable");
        for (Category c : Category.values()) {
            if (result.score().notApplicable().contains(c)) {
                na.add(c.id());
            }
        }
        return Json.bytes(root);
    }

    /**
     * One rule as GitHub code scanning reads it: short and full description (at most 1024 characters each, as GitHub
     * keeps them), {@code help.text} and {@code help.markdown} from the rule's summary, description and remediation,
     * {@code helpUri} to the rule's section of the rule reference, the category as a tag, and for security rules the
     * {@code security} tag with a {@code security-severity} score.
     */
    static ObjectNode rule(RuleMeta m) {
        return rule(m, Locale.ENGLISH);
    }

    /** As {@link #rule(RuleMeta)}, with the descriptions and the help in the given language. */
    static ObjectNode rule(RuleMeta m, Locale locale) {
        ObjectNode r = Json.object();
        r.put("id", m.id());
        r.put("name", ruleName(m.id()));
        String summary = m.summaryIn(locale);
        String description = m.descriptionIn(locale);
        r.putObject("shortDescription").put("text", fit(summary));
        r.putObject("fullDescription").put("text", fit(description.isEmpty() ? summary : description));
        String helpUri = helpUri(m);
        if (helpUri != null) {
            r.put("helpUri", helpUri);
        }
        ObjectNode help = r.putObject("help");
        help.put("text", helpText(m, helpUri, locale));
        help.put("markdown", helpMarkdown(m, helpUri, locale));
        r.putObject("defaultConfiguration").put("level", m.severity().sarifLevel());
        ObjectNode props = r.putObject("properties");
        props.put("category", m.category().id());
        props.put("severity", m.severity().id());
        ArrayNode tags = props.putArray("tags");
        tags.add(m.category().id());
        String securitySeverity = securitySeverity(m);
        if (securitySeverity != null) {
            tags.add("security");
            props.put("security-severity", securitySeverity);
        } else {
            props.put("problem.severity", problemSeverity(m.severity()));
        }
        return r;
    }

    /**
     * Whether the rule finds a security weakness: the secrets category (committed credentials, tokens, weak or default
     * passwords). The other categories find what breaks monitoring, alerting, docs, migrations or configuration, which
     * GitHub should list as code quality results (error, warning, note), not as security alerts.
     */
    static boolean securityRelevant(RuleMeta m) {
        return m.category() == Category.SECRETS;
    }

    /**
     * GitHub's security severity of a security rule, from its default severity, in the bands GitHub reads (critical
     * over 9.0, high 7.0 to 8.9, medium 4.0 to 6.9, low 0.1 to 3.9); null for other rules and for {@code info}, which
     * GitHub would otherwise list as a security alert.
     */
    static String securitySeverity(RuleMeta m) {
        if (!securityRelevant(m)) {
            return null;
        }
        return switch (m.severity()) {
            case CRITICAL -> "9.5";
            case HIGH -> "8.0";
            case MEDIUM -> "5.5";
            case LOW -> "2.0";
            case INFO -> null;
        };
    }

    /** GitHub's {@code problem.severity} of a non-security rule: error, warning or recommendation. */
    static String problemSeverity(Severity s) {
        return switch (s) {
            case CRITICAL, HIGH -> "error";
            case MEDIUM -> "warning";
            case LOW, INFO -> "recommendation";
        };
    }

    /** The rule's section of docs/rules.md at the repository the POM names; null when the build gave none. */
    static String helpUri(RuleMeta m) {
        return Version.repositoryFile(RULE_REFERENCE + "#" + RuleReference.anchor(m.id()));
    }

    static String helpText(RuleMeta m, String helpUri, Locale locale) {
        StringBuilder sb = new StringBuilder(m.summaryIn(locale));
        if (!m.description().isEmpty()) {
            sb.append("\n\n").append(m.descriptionIn(locale));
        }
        sb.append("\n\n").append(ReportTexts.t(locale, "report.remediation", m.remediationIn(locale)));
        sb.append("\n\n").append(ReportTexts.t(locale, "report.sarif.defaults", defaultSeverity(m, locale),
                ReportTexts.category(m.category(), locale)));
        if (helpUri != null) {
            sb.append("\n\n").append(ReportTexts.t(locale, "report.sarif.reference", helpUri));
        }
        return sb.toString();
    }

    private static String defaultSeverity(RuleMeta m, Locale locale) {
        return ReportTexts.t(locale, "report.defaultSeverity." + m.severity().id());
    }

    /** The rule's section of the rule reference, whose texts are already Markdown (code spans in backticks). */
    static String helpMarkdown(RuleMeta m, String helpUri, Locale locale) {
        StringBuilder sb = new StringBuilder(m.summaryIn(locale));
        if (!m.description().isEmpty()) {
            sb.append("\n\n").append(m.descriptionIn(locale));
        }
        sb.append("\n\n").append(ReportTexts.t(locale, "report.sarif.md.remediation", m.remediationIn(locale)));
        sb.append("\n\n").append(ReportTexts.t(locale, "report.sarif.md.defaults", defaultSeverity(m, locale),
                m.category().id()));
        if (helpUri != null) {
            sb.append(' ').append(ReportTexts.t(locale, "report.sarif.md.reference", helpUri));
        }
        return sb.append('.').toString();
    }

    /**
     * A description within GitHub's 1024 characters: whole sentences up to the limit, or the text cut with an ellipsis
     * where no sentence ends before it. The whole text is in {@code help}.
     */
    static String fit(String text) {
        if (text.length() <= MAX_DESCRIPTION) {
            return text;
        }
        int end = text.lastIndexOf(". ", MAX_DESCRIPTION - 1);
        return end > 0 ? text.substring(0, end + 1) : text.substring(0, MAX_DESCRIPTION - 1) + "\u2026";
    }

    /** Percent-encodes what a URI reference may not contain, keeping {@code /}. */
    static String uri(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=:@".indexOf(c) >= 0) {
                sb.append((char) c);
            } else {
                sb.append('%').append(String.format("%02X", c));
            }
        }
        return sb.toString();
    }

    private static String ruleName(String id) {
        StringBuilder sb = new StringBuilder();
        boolean upper = true;
        for (char c : id.substring(id.indexOf('/') + 1).toCharArray()) {
            if (c == '-' || c == '/') {
                upper = true;
            } else {
                sb.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return sb.toString();
    }
}
