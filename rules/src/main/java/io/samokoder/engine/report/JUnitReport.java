package io.samokoder.engine.report;

import io.samokoder.engine.AuditResult;
import io.samokoder.engine.Finding;
import io.samokoder.engine.RuleMeta;
import io.samokoder.engine.Version;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * JUnit XML (the Ant/Surefire format CI test tabs read): one {@code <testsuite name="samokoder">}, one
 * {@code <testcase>} per rule that ran ({@code classname} = {@code samokoder.<category>}, {@code name} = rule id),
 * and one {@code <failure>} per new finding of that rule ({@code message} = {@code file:line message}, {@code type} =
 * severity). Baselined findings are listed in the test case's {@code <system-out>}, suppressed ones not at all. Rules
 * that ran clean are passing test cases. Deterministic: no timestamps, no host name, times are 0.
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    public static byte[] render(AuditResult result) {
        Map<String, List<Finding>> byRule = new LinkedHashMap<>();
        List<RuleMeta> cases = new ArrayList<>(result.rulesRun());
        for (RuleMeta m : cases) {
            byRule.put(m.id(), new ArrayList<>());
        }
        for (Finding f : result.findings()) {
            if (!f.isActive()) {
                continue;
            }
            if (!byRule.containsKey(f.ruleId())) {
                // a finding of a rule that is not in rulesRun (config/check-failed): still a test case
                result.allRules().stream().filter(m -> m.id().equals(f.ruleId())).findFirst().ifPresent(cases::add);
                byRule.put(f.ruleId(), new ArrayList<>());
            }
            byRule.get(f.ruleId()).add(f);
        }
        cases.sort(java.util.Comparator.comparing(RuleMeta::id));
        int failures = 0;
        for (List<Finding> list : byRule.values()) {
            failures += (int) list.stream().filter(f -> f.status() == Finding.Status.NEW).count();
        }
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuites name=\"samokoder\" tests=\"").append(cases.size()).append("\" failures=\"")
                .append(failures).append("\" errors=\"0\" time=\"0\">\n");
        x.append("  <testsuite name=\"samokoder\" tests=\"").append(cases.size()).append("\" failures=\"")
                .append(failures).append("\" errors=\"0\" skipped=\"0\" time=\"0\">\n");
        x.append("    <properties>\n");
        prop(x, "samokoder.version", Version.get());
        prop(x, "readinessScore", String.valueOf(result.score().total()));
        result.score().categoryScores().forEach((c, s) -> prop(x, "categoryScore." + c.id(), String.valueOf(s)));
        x.append("    </properties>\n");
        for (RuleMeta m : cases) {
            List<Finding> list = byRule.getOrDefault(m.id(), List.of());
            x.append("    <testcase classname=\"samokoder.").append(attr(m.category().id())).append("\" name=\"")
                    .append(attr(m.id())).append("\" time=\"0\"");
            List<Finding> failing = list.stream().filter(f -> f.status() == Finding.Status.NEW).toList();
            List<Finding> baselined = list.stream().filter(f -> f.status() == Finding.Status.BASELINED).toList();
            if (failing.isEmpty() && baselined.isEmpty()) {
                x.append("/>\n");
                continue;
            }
            x.append(">\n");
            for (Finding f : failing) {
                x.append("      <failure message=\"").append(attr(f.location() + " " + f.message()))
                        .append("\" type=\"").append(f.severity().id()).append("\">")
                        .append(text(f.location() + ": [" + f.ruleId() + "] " + f.severity().id() + ": "
                                + f.message() + (f.remediation().isBlank() ? "" : "\nRemediation: " + f.remediation())))
                        .append("</failure>\n");
            }
            if (!baselined.isEmpty()) {
                StringBuilder out = new StringBuilder();
                for (Finding f : baselined) {
                    out.append(f.location()).append(": ").append(f.message()).append(" (baselined)\n");
                }
                x.append("      <system-out>").append(text(out.toString())).append("</system-out>\n");
            }
            x.append("    </testcase>\n");
        }
        x.append("  </testsuite>\n</testsuites>\n");
        return x.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void prop(StringBuilder x, String name, String value) {
        x.append("      <property name=\"").append(attr(name)).append("\" value=\"").append(attr(value)).append("\"/>\n");
    }

    /** Escapes for an attribute; characters XML 1.0 cannot hold become U+FFFD. */
    static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
    }

    static String text(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                default -> {
                    boolean ok = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                            || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
                    b.appendCodePoint(ok ? cp : 0xFFFD);
                }
            }
        });
        return b.toString();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
