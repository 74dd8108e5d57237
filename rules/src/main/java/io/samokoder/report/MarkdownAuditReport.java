package io.samokoder.report;

import io.samokoder.audit.AuditResult;
import io.samokoder.audit.Baseline;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.engine.RuleMeta;

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

        fixFirst(md, r);

        md.append("## ").append(esc(r.t("section.categories"))).append("\n\n");
        md.append("| ").append(esc(r.t("column.category"))).append(" | ").append(esc(r.t("column.score")))
                .append(" | ").append(esc(r.t("column.findings"))).append(" | ").append(esc(r.t("column.reasons")))
                .append(" |\n|---|---:|---|---|\n");
        Map<Category, List<AuditReport.RuleGroup>> groups = r.ruleGroups();
        for (AuditReport.CategoryRow row : r.categories()) {
            String name = esc(row.name());
            md.append("| ").append(groups.containsKey(row.category())
                    ? "[" + name + "](#findings-" + row.category().id() + ")" : name).append(" | ");
            if (row.score() == null) {
                md.append(esc(r.t("notApplicable")));
            } else {
                md.append(row.score());
                if (!row.counted()) {
                    md.append(" (").append(esc(r.t("notCounted"))).append(')');
                }
            }
            md.append(" | ").append(esc(r.counts(row.counts()))).append(" | ").append(esc(row.reason()));
            for (AuditReport.RuleGroup g : row.rules()) {
                md.append("<br>[").append(code(g.ruleId())).append("](#").append(g.anchor()).append(") \u00d7")
                        .append(g.findings().size());
                if (!g.summary().isBlank()) {
                    md.append(" \u2014 ").append(esc(g.summary()));
                }
            }
            md.append(" |\n");
        }
        md.append('\n');

        md.append("## ").append(esc(r.t("section.findings"))).append("\n\n");
        if (groups.isEmpty()) {
            md.append(esc(r.t("findings.none"))).append("\n\n");
        }
        for (AuditReport.CategoryRow row : r.categories()) {
            List<AuditReport.RuleGroup> rules = groups.get(row.category());
            if (rules == null) {
                continue;
            }
            int n = rules.stream().mapToInt(g -> g.findings().size()).sum();
            // explicit anchors: the category table and "fix first" link here whatever the heading's slug
            md.append("<a id=\"findings-").append(row.category().id()).append("\"></a>\n\n### ").append(esc(row.name()))
                    .append(" (").append(n).append(")\n\n");
            for (AuditReport.RuleGroup g : rules) {
                ruleGroup(md, r, g);
            }
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
                            .append(esc(r.fixedMessage(e))).append('\n');
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
        md.append("---\n\n").append(esc(r.t("footer", io.samokoder.report.Version.get()))).append('\n');
        return md.toString();
    }

    private static void fixFirst(StringBuilder md, AuditReport r) {
        AuditReport.FixFirst fix = r.fixFirst();
        md.append("## ").append(esc(r.t("section.fixFirst"))).append("\n\n");
        if (fix.items().isEmpty()) {
            md.append(esc(r.t("fixFirst.none"))).append("\n\n");
            return;
        }
        md.append(esc(r.t("fixFirst.intro", String.valueOf(fix.current()), String.valueOf(fix.expected()))))
                .append("\n\n");
        int i = 1;
        for (AuditReport.FixItem item : fix.items()) {
            AuditReport.RuleGroup g = item.rule();
            md.append(i++).append(". **").append(esc(r.t("fixFirst.gain", String.valueOf(item.gain()),
                            String.valueOf(item.scoreAfter())))).append("** [").append(code(g.ruleId()))
                    .append(" \u00d7").append(g.findings().size()).append("](#").append(g.anchor()).append(") _")
                    .append(esc(r.t("severity." + g.worst().id() + ".short"))).append("_");
            if (!g.remediation().isBlank()) {
                md.append(" \u2014 ").append(esc(g.remediation()));
            }
            md.append('\n');
        }
        md.append('\n');
        if (fix.otherRules() > 0) {
            md.append(esc(r.t("fixFirst.more", String.valueOf(fix.otherRules())))).append("\n\n");
        }
    }

    private static void ruleGroup(StringBuilder md, AuditReport r, AuditReport.RuleGroup g) {
        md.append("<a id=\"").append(g.anchor()).append("\"></a>\n\n#### ").append(code(g.ruleId())).append(" \u00d7")
                .append(g.findings().size()).append(" \u2014 ").append(esc(r.severityName(g.worst()))).append("\n\n");
        if (!g.summary().isBlank()) {
            md.append(esc(g.summary())).append("\n\n");
        }
        for (Map.Entry<String, List<Finding>> fix : g.byRemediation(r.options.locale()).entrySet()) {
            if (!fix.getKey().isBlank()) {
                md.append(esc(r.t("label.remediation"))).append(": ").append(esc(fix.getKey())).append("\n\n");
            }
            for (Finding f : fix.getValue()) {
                md.append("- ").append(code(f.location()));
                if (f.severity() != g.worst()) {
                    md.append(" _(").append(esc(r.t("severity." + f.severity().id() + ".short"))).append(")_");
                }
                if (f.status() == Finding.Status.BASELINED) {
                    md.append(" _(").append(esc(r.t("status.baselined"))).append(")_");
                }
                md.append(" \u2014 ").append(esc(r.message(f))).append('\n');
            }
            md.append('\n');
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
