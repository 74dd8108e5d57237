package io.samokoder.engine.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.samokoder.engine.AuditResult;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.RuleMeta;
import io.samokoder.engine.Version;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0 as the contract in DESIGN.md gives it: per result {@code ruleId}, {@code level}, {@code message.text},
 * a repository-relative {@code artifactLocation.uri}, {@code region.startLine}, {@code partialFingerprints} and
 * {@code properties.category}/{@code properties.severity}; {@code runs[0].properties.readinessScore} and
 * {@code categoryScores}. No timestamps or absolute paths: the same tree gives the same bytes.
 */
public final class SarifReport {

    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String FINGERPRINT_KEY = "samokoder/v1";

    private SarifReport() {
    }

    public static byte[] render(AuditResult result) {
        return render(result, java.util.Locale.ENGLISH);
    }

    /** Messages, rule summaries and help in the given language; rule ids and property names never change. */
    public static byte[] render(AuditResult result, java.util.Locale locale) {
        ObjectNode root = Json.object();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", Version.NAME);
        driver.put("semanticVersion", Version.get().replace("-SNAPSHOT", ""));
        driver.put("version", Version.get());
        driver.put("informationUri", Version.INFORMATION_URI);
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        List<RuleMeta> metas = result.allRules();
        for (RuleMeta m : metas) {
            index.put(m.id(), index.size());
            ObjectNode r = rules.addObject();
            r.put("id", m.id());
            r.put("name", ruleName(m.id()));
            r.putObject("shortDescription").put("text", m.summaryIn(locale));
            r.putObject("fullDescription").put("text", m.description().isEmpty() ? m.summaryIn(locale) : m.description());
            r.putObject("help").put("text", m.remediationIn(locale));
            r.putObject("defaultConfiguration").put("level", m.severity().sarifLevel());
            ObjectNode props = r.putObject("properties");
            props.put("category", m.category().id());
            props.put("severity", m.severity().id());
            props.putArray("tags").add(m.category().id());
        }
        run.putObject("originalUriBaseIds").putObject("SRCROOT").putObject("description")
                .put("text", "The root of the audited repository.");
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
                r.put("baselineState", f.status() == Finding.Status.BASELINED ? "unchanged" : "new");
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
