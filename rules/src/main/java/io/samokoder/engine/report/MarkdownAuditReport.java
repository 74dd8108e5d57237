package io.samokoder.engine.report;

import io.samokoder.engine.AuditResult;
import io.samokoder.engine.Baseline;
import io.samokoder.engine.Finding;
import io.samokoder.engine.RuleMeta;
import io.samokoder.engine.Severity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The audit report as GitHub-flavoured Markdown. Every piece of text from findings is escaped so that a message can
 * neither inject Markdown (tables, links, emphasis) nor raw HTML.
 */
public final class MarkdownAuditReport {

    private MarkdownAuditReport() {
    }

    public static byte[] render(AuditResult result, AuditReport.Options options) {
        return text(result, options).getBytes(StandardCharsets.UTF_8);
    }

    public static String text(AuditResult result, AuditReport.Options options) {
        AuditReport r = new AuditReport(result, options);
        StringBuilder md = new StringBuilder();
        md.append("# ").append(esc(r.t("title"))).append("\n\n");
        md.append(esc(r.subtitle())).append("\n\n");
        md.append("**").append(esc(r.t("score.total"))).append(": ")
                .append(r.t("score.outOf", String.valueOf(result.score().total()))).append("**\n\n");
        String gate = r.gateLine();
        if (gate != null) {
            md.append("> ").append(r.gate.passed() ? "\u2705 " : "\u274c ").append(esc(gate)).append("\n\n");
        }

        md.append("## ").append(esc(r.t("section.categories"))).append("\n\n");
        md.append("| ").append(esc(r.t("column.category"))).append(" | ").append(esc(r.t("column.score")))
                .append(" | ").append(esc(r.t("column.findings"))).append(" | ").append(esc(r.t("column.reasons")))
                .append(" |\n|---|---:|---|---|\n");
        for (AuditReport.CategoryRow row : r.categories()) {
            md.append("| ").append(esc(row.name())).append(" | ")
                    .append(row.score() == null ? esc(r.t("notApplicable")) : String.valueOf(row.score()))
                    .append(" | ").append(esc(r.counts(row.counts()))).append(" | ").append(esc(row.reason()));
            for (String rule : row.rules()) {
                md.append("<br>").append(esc(rule));
            }
            md.append(" |\n");
        }
        md.append('\n');

        md.append("## ").append(esc(r.t("section.findings"))).append("\n\n");
        Map<Severity, List<Finding>> groups = r.bySeverity();
        if (groups.isEmpty()) {
            md.append(esc(r.t("findings.none"))).append("\n\n");
        }
        for (Map.Entry<Severity, List<Finding>> g : groups.entrySet()) {
            md.append("### ").append(esc(r.severityName(g.getKey()))).append(" (").append(g.getValue().size())
                    .append(")\n\n");
            for (Finding f : g.getValue()) {
                finding(md, r, f);
            }
            md.append('\n');
        }

        md.append("## ").append(esc(r.t("section.new"))).append("\n\n");
        if (!result.baselineUsed()) {
            md.append(esc(r.t("baseline.notUsed"))).append("\n\n");
        } else {
            List<Finding> fresh = r.newSinceBaseline();
            if (fresh.isEmpty()) {
                md.append(esc(r.t("new.none"))).append("\n\n");
            } else {
                for (Finding f : fresh) {
                    md.append("- ").append(code(f.location())).append(" ").append(code(f.ruleId())).append(' ')
                            .append(esc(r.message(f))).append('\n');
                }
                md.append('\n');
            }
            md.append("## ").append(esc(r.t("section.fixed"))).append("\n\n");
            List<Baseline.Entry> fixed = r.fixedSinceBaseline();
            if (fixed.isEmpty()) {
                md.append(esc(r.t("fixed.none"))).append("\n\n");
            } else {
                for (Baseline.Entry e : fixed) {
                    md.append("- ").append(code(e.path())).append(" ").append(code(e.ruleId())).append(' ')
                            .append(esc(e.message())).append('\n');
                }
                md.append('\n');
            }
        }

        md.append("## ").append(esc(r.t("section.clean"))).append("\n\n");
        List<RuleMeta> clean = r.clean();
        if (clean.isEmpty()) {
            md.append(esc(r.t("clean.none"))).append("\n\n");
        } else {
            for (RuleMeta m : clean) {
                md.append("- ").append(code(m.id())).append(" \u2014 ").append(esc(r.summary(m))).append('\n');
            }
            md.append('\n');
        }

        List<Finding> suppressed = r.suppressed();
        if (!suppressed.isEmpty()) {
            md.append("## ").append(esc(r.t("section.suppressed"))).append("\n\n");
            for (Finding f : suppressed) {
                md.append("- ").append(code(f.location())).append(" ").append(code(f.ruleId())).append(' ')
                        .append(esc(r.message(f)));
                if (f.suppressionReason() != null && !f.suppressionReason().isBlank()) {
                    md.append(" \u2014 ").append(esc(r.t("column.reason"))).append(": ")
                            .append(esc(f.suppressionReason()));
                }
                md.append('\n');
            }
            md.append('\n');
        }
        md.append("---\n\n").append(esc(r.t("footer", io.samokoder.engine.Version.get()))).append('\n');
        return md.toString();
    }

    private static void finding(StringBuilder md, AuditReport r, Finding f) {
        md.append("- ").append(code(f.location())).append(" ").append(code(f.ruleId()));
        if (f.status() == Finding.Status.BASELINED) {
            md.append(" _(").append(esc(r.t("status.baselined"))).append(")_");
        }
        md.append(" \u2014 ").append(esc(r.message(f))).append('\n');
        if (!r.remediation(f).isBlank()) {
            md.append("  - ").append(esc(r.t("label.remediation"))).append(": ").append(esc(r.remediation(f)))
                    .append('\n');
        }
    }

    /** Escapes Markdown and HTML syntax so that text renders literally, on one line. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '|', '~' -> b.append('\\').append(c);
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\n', '\r', '\t' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A code span that holds any text: the fence is longer than any run of backticks inside. */
    static String code(String s) {
        String text = s == null ? "" : s.replace('\n', ' ').replace('\r', ' ').replace("|", "\\|");
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return fence + pad + text + pad + fence;
    }
}
