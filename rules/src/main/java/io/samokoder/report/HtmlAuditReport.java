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
 * The audit report as one self-contained HTML file: inline CSS, no scripts, no fonts, images or links to anything
 * outside the file, so that it opens offline and can be attached to a ticket. Every piece of text is HTML-escaped.
 * {@link #fragment} gives the same content as a {@code <div>} for embedding (the Maven site report).
 */
public final class HtmlAuditReport {

    /** Styles scoped under {@code .samokoder-report} so that the fragment does not restyle a host page. */
    static final String CSS = """
            .samokoder-report{font-family:-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;\
            color:#1f2328;line-height:1.5;max-width:1100px;margin:0 auto;padding:24px}
            .samokoder-report h1{font-size:28px;margin:0 0 4px}
            .samokoder-report h2{font-size:21px;border-bottom:1px solid #d0d7de;padding-bottom:4px;margin-top:32px}
            .samokoder-report h3{font-size:17px;margin:20px 0 8px}
            .samokoder-report .sub{color:#59636e;margin:0 0 16px}
            .samokoder-report .summary{display:flex;gap:24px;align-items:center;flex-wrap:wrap}
            .samokoder-report .total{border-radius:12px;padding:12px 24px;color:#fff;min-width:180px}
            .samokoder-report .total .label{display:block;font-size:14px;opacity:.9}
            .samokoder-report .total .value{font-size:48px;font-weight:700}
            .samokoder-report .total .max{font-size:20px;opacity:.85}
            .samokoder-report .good{background:#1a7f37}.samokoder-report .fair{background:#9a6700}\
            .samokoder-report .poor{background:#cf222e}
            .samokoder-report .gate{padding:10px 16px;border-radius:8px;border:1px solid}
            .samokoder-report .gate.passed{background:#dafbe1;border-color:#4ac26b}
            .samokoder-report .gate.failed{background:#ffebe9;border-color:#ff8182}
            .samokoder-report table{border-collapse:collapse;width:100%}
            .samokoder-report th,.samokoder-report td{border:1px solid #d0d7de;padding:6px 10px;text-align:left;\
            vertical-align:top}
            .samokoder-report th{background:#f6f8fa}
            .samokoder-report .bar{background:#eaeef2;border-radius:4px;height:8px;width:120px;margin-top:4px}
            .samokoder-report .bar span{display:block;height:8px;border-radius:4px}
            .samokoder-report .num{font-weight:700;font-size:18px}
            .samokoder-report ul.findings{list-style:none;padding:0;margin:0}
            .samokoder-report ul.findings>li{border:1px solid #d0d7de;border-left-width:6px;border-radius:6px;\
            padding:8px 12px;margin:8px 0}
            .samokoder-report .sev-critical{border-left-color:#82071e!important}\
            .samokoder-report .sev-high{border-left-color:#cf222e!important}\
            .samokoder-report .sev-medium{border-left-color:#bf8700!important}\
            .samokoder-report .sev-low{border-left-color:#0969da!important}\
            .samokoder-report .sev-info{border-left-color:#8c959f!important}
            .samokoder-report code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:13px;\
            background:#f6f8fa;border-radius:4px;padding:1px 4px;word-break:break-all}
            .samokoder-report .rule{color:#59636e}
            .samokoder-report .tag{font-size:12px;border-radius:10px;padding:1px 8px;background:#eaeef2;color:#59636e}
            .samokoder-report .msg{margin:4px 0}
            .samokoder-report .fix{margin:4px 0;color:#59636e}
            .samokoder-report .muted{color:#59636e}
            .samokoder-report a{color:#0969da;text-decoration:none}.samokoder-report a:hover{text-decoration:underline}
            .samokoder-report .fix-first{border:1px solid #d0d7de;border-left:6px solid #cf222e;border-radius:8px;\
            padding:0 20px 8px;margin-top:24px;background:#f6f8fa}
            .samokoder-report .fix-first h2{border:0;margin:12px 0 4px}
            .samokoder-report .fix-first ol{margin:8px 0;padding-left:24px}
            .samokoder-report .fix-first li{margin:6px 0}
            .samokoder-report .fix-first .fix{display:inline-block;margin:0}
            .samokoder-report .gain{font-weight:700;color:#1a7f37;white-space:nowrap;margin-right:4px}
            .samokoder-report .sev{font-size:12px;font-weight:600;text-transform:uppercase;color:#59636e}
            .samokoder-report ul.places{margin:6px 0 0;padding-left:18px}
            .samokoder-report ul.places li{margin:2px 0}
            .samokoder-report .muted-bar{background:#8c959f}
            .samokoder-report tr.not-counted td{color:#59636e}
            .samokoder-report footer{margin-top:32px;color:#59636e;font-size:13px}
            """;

    private HtmlAuditReport() {
    }

    public static byte[] render(AuditResult result, AuditReport.Options options) {
        AuditReport r = new AuditReport(result, options);
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(e(r.language())).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<title>").append(e(r.t("title"))).append(" \u2014 ").append(e(r.repositoryName()))
                .append("</title>\n<style>\nbody{margin:0;background:#fff}\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n");
        body(h, r);
        h.append("</body>\n</html>\n");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The report as a {@code <div class="samokoder-report">} with its own {@code <style>}, for embedding. */
    public static String fragment(AuditResult result, AuditReport.Options options) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<style>\n").append(CSS).append("</style>\n");
        body(h, new AuditReport(result, options));
        return h.toString();
    }

    private static void body(StringBuilder h, AuditReport r) {
        AuditResult result = r.result;
        int total = result.score().total();
        h.append("<div class=\"samokoder-report\" lang=\"").append(e(r.language())).append("\">\n");
        h.append("<h1>").append(e(r.t("title"))).append("</h1>\n");
        h.append("<p class=\"sub\">").append(e(r.subtitle())).append("</p>\n");
        h.append("<div class=\"summary\">\n<div class=\"total ").append(grade(total)).append("\" id=\"total-score\">")
                .append("<span class=\"label\">").append(e(r.t("score.total"))).append("</span>")
                .append("<span class=\"value\">").append(total).append("</span><span class=\"max\">/100</span></div>\n");
        String gate = r.gateLine();
        if (gate != null) {
            h.append("<div class=\"gate ").append(r.gate.passed() ? "passed" : "failed").append("\">")
                    .append(e(gate)).append("</div>\n");
        }
        h.append("</div>\n");

        fixFirst(h, r);

        h.append("<h2 id=\"categories\">").append(e(r.t("section.categories")))
                .append("</h2>\n<table class=\"categories\">\n<tr><th>")
                .append(e(r.t("column.category"))).append("</th><th>").append(e(r.t("column.score")))
                .append("</th><th>").append(e(r.t("column.findings"))).append("</th><th>")
                .append(e(r.t("column.reasons"))).append("</th></tr>\n");
        Map<Category, List<AuditReport.RuleGroup>> groups = r.ruleGroups();
        for (AuditReport.CategoryRow row : r.categories()) {
            h.append("<tr id=\"category-").append(e(row.category().id())).append("\"");
            if (!row.counted()) {
                h.append(" class=\"not-counted\"");
            }
            h.append("><td>");
            if (groups.containsKey(row.category())) {
                h.append("<a href=\"#findings-").append(e(row.category().id())).append("\">").append(e(row.name()))
                        .append("</a>");
            } else {
                h.append(e(row.name()));
            }
            h.append("</td><td>");
            if (row.score() == null) {
                h.append("<span class=\"muted na\">").append(e(r.t("notApplicable"))).append("</span>");
            } else {
                h.append("<span class=\"num\">").append(row.score()).append("</span>");
                if (!row.counted()) {
                    h.append(" <span class=\"tag\">").append(e(r.t("notCounted"))).append("</span>");
                }
                h.append("<div class=\"bar\"><span class=\"").append(row.counted() ? grade(row.score()) : "muted-bar")
                        .append("\" style=\"width:").append(row.score()).append("%\"></span></div>");
            }
            h.append("</td><td>").append(e(r.counts(row.counts()))).append("</td><td>").append(e(row.reason()));
            if (!row.rules().isEmpty()) {
                h.append("<ul>");
                for (AuditReport.RuleGroup g : row.rules()) {
                    h.append("<li><a href=\"#").append(e(g.anchor())).append("\"><code>").append(e(g.ruleId()))
                            .append("</code></a> \u00d7").append(g.findings().size());
                    if (!g.summary().isBlank()) {
                        h.append(" \u2014 ").append(prose(g.summary()));
                    }
                    h.append("</li>");
                }
                h.append("</ul>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</table>\n");

        h.append("<h2 id=\"findings\">").append(e(r.t("section.findings"))).append("</h2>\n");
        if (groups.isEmpty()) {
            h.append("<p class=\"muted\">").append(e(r.t("findings.none"))).append("</p>\n");
        }
        for (AuditReport.CategoryRow row : r.categories()) {
            List<AuditReport.RuleGroup> rules = groups.get(row.category());
            if (rules == null) {
                continue;
            }
            int n = rules.stream().mapToInt(g -> g.findings().size()).sum();
            h.append("<h3 id=\"findings-").append(e(row.category().id())).append("\">").append(e(row.name()))
                    .append(" (").append(n).append(")</h3>\n<ul class=\"findings\">\n");
            for (AuditReport.RuleGroup g : rules) {
                ruleCard(h, r, g);
            }
            h.append("</ul>\n");
        }

        h.append("<h2>").append(e(r.t("section.new"))).append("</h2>\n");
        if (!result.baselineUsed()) {
            h.append("<p class=\"muted\">").append(e(r.t("baseline.notUsed"))).append("</p>\n");
        } else {
            List<Finding> fresh = r.newSinceBaseline();
            if (fresh.isEmpty()) {
                h.append("<p class=\"muted\">").append(e(r.t("new.none"))).append("</p>\n");
            } else {
                h.append("<ul class=\"new\">\n");
                for (Finding f : fresh) {
                    h.append("<li><code>").append(e(f.location())).append("</code> <span class=\"rule\">")
                            .append(e(f.ruleId())).append("</span> ").append(prose(r.message(f))).append("</li>\n");
                }
                h.append("</ul>\n");
            }
            h.append("<h2>").append(e(r.t("section.fixed"))).append("</h2>\n");
            List<Baseline.Entry> fixed = r.fixedSinceBaseline();
            if (fixed.isEmpty()) {
                h.append("<p class=\"muted\">").append(e(r.t("fixed.none"))).append("</p>\n");
            } else {
                h.append("<ul class=\"fixed\">\n");
                for (Baseline.Entry x : fixed) {
                    h.append("<li><code>").append(e(x.path())).append("</code> <span class=\"rule\">")
                            .append(e(x.ruleId())).append("</span> ").append(e(r.fixedMessage(x))).append("</li>\n");
                }
                h.append("</ul>\n");
            }
        }

        h.append("<h2>").append(e(r.t("section.clean"))).append("</h2>\n");
        List<RuleMeta> clean = r.clean();
        if (clean.isEmpty()) {
            h.append("<p class=\"muted\">").append(e(r.t("clean.none"))).append("</p>\n");
        } else {
            h.append("<table class=\"clean\">\n<tr><th>").append(e(r.t("column.check"))).append("</th><th>")
                    .append(e(r.t("column.category"))).append("</th></tr>\n");
            for (RuleMeta m : clean) {
                h.append("<tr><td><code>").append(e(m.id())).append("</code><br><span class=\"muted\">")
                        .append(prose(r.summary(m))).append("</span></td><td>").append(e(r.categoryName(m.category())))
                        .append("</td></tr>\n");
            }
            h.append("</table>\n");
        }

        List<Finding> suppressed = r.suppressed();
        if (!suppressed.isEmpty()) {
            h.append("<h2>").append(e(r.t("section.suppressed"))).append("</h2>\n<ul class=\"suppressed\">\n");
            for (Finding f : suppressed) {
                h.append("<li><code>").append(e(f.location())).append("</code> <span class=\"rule\">")
                        .append(e(f.ruleId())).append("</span> ").append(prose(r.message(f)));
                if (f.suppressionReason() != null && !f.suppressionReason().isBlank()) {
                    h.append(" \u2014 ").append(e(r.t("column.reason"))).append(": ").append(e(f.suppressionReason()));
                }
                h.append("</li>\n");
            }
            h.append("</ul>\n");
        }
        h.append("<footer>").append(e(r.t("footer", io.samokoder.report.Version.get()))).append("</footer>\n");
        h.append("</div>\n");
    }

    /** What to fix first: a short ordered list, each rule once with its remediation and what fixing it is worth. */
    private static void fixFirst(StringBuilder h, AuditReport r) {
        AuditReport.FixFirst fix = r.fixFirst();
        h.append("<section class=\"fix-first\" id=\"fix-first\" data-current=\"").append(fix.current())
                .append("\" data-expected=\"").append(fix.expected()).append("\">\n<h2>").append(e(r.t("section.fixFirst")))
                .append("</h2>\n");
        if (fix.items().isEmpty()) {
            h.append("<p class=\"muted\">").append(e(r.t("fixFirst.none"))).append("</p>\n</section>\n");
            return;
        }
        h.append("<p>").append(e(r.t("fixFirst.intro", String.valueOf(fix.current()), String.valueOf(fix.expected()))))
                .append("</p>\n<ol>\n");
        for (AuditReport.FixItem item : fix.items()) {
            AuditReport.RuleGroup g = item.rule();
            h.append("<li class=\"sev-").append(g.worst().id()).append("\"><span class=\"gain\">")
                    .append(e(r.t("fixFirst.gain", String.valueOf(item.gain()), String.valueOf(item.scoreAfter()))))
                    .append("</span> <a href=\"#").append(e(g.anchor())).append("\"><code>").append(e(g.ruleId()))
                    .append("</code> \u00d7").append(g.findings().size()).append("</a> <span class=\"sev\">")
                    .append(e(r.t("severity." + g.worst().id() + ".short"))).append("</span>");
            if (!g.remediation().isBlank()) {
                h.append("<br><span class=\"fix\">").append(prose(g.remediation())).append("</span>");
            }
            h.append("</li>\n");
        }
        h.append("</ol>\n");
        if (fix.otherRules() > 0) {
            h.append("<p class=\"muted\">").append(e(r.t("fixFirst.more", String.valueOf(fix.otherRules()))))
                    .append("</p>\n");
        }
        h.append("</section>\n");
    }

    /** One rule's findings: summary and remediation once, then each place with its message. */
    private static void ruleCard(StringBuilder h, AuditReport r, AuditReport.RuleGroup g) {
        h.append("<li class=\"sev-").append(g.worst().id()).append("\" id=\"").append(e(g.anchor()))
                .append("\"><span class=\"sev\">").append(e(r.severityName(g.worst()))).append("</span> <code>")
                .append(e(g.ruleId())).append("</code> \u00d7").append(g.findings().size());
        if (!g.summary().isBlank()) {
            h.append("<p class=\"msg\">").append(prose(g.summary())).append("</p>");
        }
        for (Map.Entry<String, List<Finding>> fix : g.byRemediation(r.options.locale()).entrySet()) {
            if (!fix.getKey().isBlank()) {
                h.append("<p class=\"fix\"><b>").append(e(r.t("label.remediation"))).append(":</b> ")
                        .append(prose(fix.getKey())).append("</p>");
            }
            h.append("<ul class=\"places\">\n");
            for (Finding f : fix.getValue()) {
                h.append("<li><code>").append(e(f.location())).append("</code>");
                if (f.severity() != g.worst()) {
                    h.append(" <span class=\"tag\">").append(e(r.t("severity." + f.severity().id() + ".short")))
                            .append("</span>");
                }
                if (f.status() == Finding.Status.BASELINED) {
                    h.append(" <span class=\"tag\">").append(e(r.t("status.baselined"))).append("</span>");
                }
                h.append(" ").append(prose(r.message(f))).append("</li>\n");
            }
            h.append("</ul>");
        }
        h.append("</li>\n");
    }

    /**
     * Prose from a rule (message, remediation, summary) as HTML: escaped, and what it quotes between backticks (a
     * command, a key, a line of the file) set as {@code <code>}, as Markdown would show it. A lone backtick stays.
     */
    static String prose(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 32);
        int i = 0;
        while (i < s.length()) {
            int open = s.indexOf('`', i);
            int close = open < 0 ? -1 : s.indexOf('`', open + 1);
            if (close < 0) {
                b.append(e(s.substring(i)));
                break;
            }
            b.append(e(s.substring(i, open))).append("<code>").append(e(s.substring(open + 1, close))).append("</code>");
            i = close + 1;
        }
        return b.toString();
    }

    static String grade(int score) {
        return score >= 80 ? "good" : score >= 50 ? "fair" : "poor";
    }

    /**
     * Text or attribute value as HTML. The page is UTF-8, so only the five markup characters need escaping; commons-text's
     * {@code escapeHtml4} also named every Latin-1 and typographic character, by trying each of its 250 entities at
     * every position (3 % of the samples of a cold {@code check} of the 31-file sample).
     */
    static String e(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
