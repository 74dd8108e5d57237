package io.samokoder.report;

import io.samokoder.audit.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Baseline;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.Severity;

import java.util.Map;

/** The audit as plain JSON: score, category scores, findings, rules that ran clean, baseline changes. */
public final class JsonReport {

    private JsonReport() {
    }

    public static byte[] render(AuditResult result) {
        return render(result, java.util.Locale.ENGLISH);
    }

    /** Messages and remediations in the given language; keys, ids and values that are codes never change. */
    public static byte[] render(AuditResult result, java.util.Locale locale) {
        ObjectNode root = Json.object();
        root.put("tool", Version.NAME);
        root.put("version", Version.get());
        root.put("readinessScore", result.score().total());
        ObjectNode cats = root.putObject("categoryScores");
        // every category, so that a reader tells "nothing to check" (applicable false, no score) from a clean 100
        for (Category c : Category.values()) {
            Integer s = result.score().categoryScores().get(c);
            ObjectNode n = cats.putObject(c.id());
            n.put("applicable", s != null);
            if (s != null) {
                n.put("score", s);
            }
            n.put("weight", result.score().weights().getOrDefault(c, 1.0));
            n.put("counted", result.score().counted(c));
            if (s != null) {
                ObjectNode counts = n.putObject("findings");
                Map<Severity, Integer> m = result.score().counts().getOrDefault(c, Map.of());
                for (Severity sev : Severity.values()) {
                    counts.put(sev.id(), m.getOrDefault(sev, 0));
                }
            }
        }
        ArrayNode na = root.putArray("notApplicable");
        result.score().notApplicable().stream().sorted().forEach(c -> na.add(c.id()));
        ObjectNode stats = root.putObject("files");
        stats.put("audited", result.filesAudited());
        stats.put("skipped", result.filesSkipped());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : result.findings()) {
            ObjectNode n = findings.addObject();
            n.put("ruleId", f.ruleId());
            n.put("category", f.category().id());
            n.put("severity", f.severity().id());
            n.put("path", f.path());
            n.put("line", f.line());
            n.put("column", f.column());
            n.put("message", f.messageIn(locale));
            n.put("remediation", f.remediationIn(locale));
            n.put("fingerprint", f.fingerprint());
            n.put("status", f.status().name().toLowerCase(java.util.Locale.ROOT));
            if (f.suppressionReason() != null) {
                n.put("suppressionReason", f.suppressionReason());
            }
        }
        ArrayNode clean = root.putArray("cleanRules");
        result.cleanRules().forEach(clean::add);
        if (result.baselineUsed()) {
            ArrayNode fixed = root.putArray("fixedSinceBaseline");
            for (Baseline.Entry e : result.fixedSinceBaseline()) {
                ObjectNode n = fixed.addObject();
                n.put("fingerprint", e.fingerprint());
                n.put("ruleId", e.ruleId());
                n.put("path", e.path());
                n.put("message", ReportTexts.fixedMessage(result, e, locale));
            }
        }
        return Json.bytes(root);
    }
}
