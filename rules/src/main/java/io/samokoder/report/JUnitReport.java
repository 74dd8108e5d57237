package io.samokoder.report;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditException;
import io.samokoder.audit.AuditResult;
import io.samokoder.engine.Category;
import io.samokoder.engine.Finding;
import io.samokoder.audit.Gate;
import io.samokoder.engine.RuleMeta;
import io.samokoder.engine.Severity;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * JUnit XML in the Ant/Surefire format that Jenkins, GitLab and other CI test tabs read. One
 * {@code <testsuite name="samokoder">} inside {@code <testsuites>}; in it, one {@code <testcase>} per finding
 * ({@code classname} = {@code samokoder.<category>}, {@code name} = rule id and {@code path:line[:column]}) and one
 * per rule that ran and found nothing ({@code name} = rule id).
 *
 * <p>A finding's test case fails (one {@code <failure>}, {@code type} = severity) exactly when the finding fails the
 * gate: new and at or above the gate's {@code failOnSeverity}. So the test tab's failures are the gate's blocking
 * findings, and a CI that marks a build unstable on failed tests agrees with the gate. A new finding below that
 * severity is a passing test case whose {@code <system-out>} says what was found; suppressed findings (with the
 * suppression's reason) and baselined ones are {@code <skipped>}. Jenkins and GitLab read only the first
 * {@code <failure>} of a test case, hence one case per finding.
 *
 * <p>Written with the JDK's {@link XMLStreamWriter}; deterministic: no timestamps, no host name, times are 0.
 */
public final class JUnitReport {

    static final String SUITE = "samokoder";

    private JUnitReport() {
    }

    /** The report for the default gate ({@link AuditConfig#DEFAULT_FAIL_ON_SEVERITY}). */
    public static byte[] render(AuditResult result) {
        return render(result, AuditConfig.DEFAULT_FAIL_ON_SEVERITY);
    }

    /** The report for a gate that fails on new findings at or above {@code failOnSeverity}. */
    public static byte[] render(AuditResult result, Severity failOnSeverity) {
        return render(result, failOnSeverity, Locale.ENGLISH);
    }

    /**
     * The report with its failure messages, details and skip reasons in the given language; test case names,
     * class names, property names and failure types (rule ids, categories, severities) never change.
     */
    public static byte[] render(AuditResult result, Severity failOnSeverity, Locale locale) {
        Locale lang = locale == null ? Locale.ENGLISH : locale;
        Severity failOn = failOnSeverity == null ? AuditConfig.DEFAULT_FAIL_ON_SEVERITY : failOnSeverity;
        List<Case> cases = cases(result, failOn);
        int failures = 0;
        int skipped = 0;
        for (Case c : cases) {
            failures += c.outcome() == Outcome.FAILED ? 1 : 0;
            skipped += c.outcome() == Outcome.SKIPPED ? 1 : 0;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            x.writeStartDocument("UTF-8", "1.0");
            newline(x, 0);
            x.writeStartElement("testsuites");
            attribute(x, "name", SUITE);
            attribute(x, "tests", String.valueOf(cases.size()));
            attribute(x, "failures", String.valueOf(failures));
            attribute(x, "errors", "0");
            attribute(x, "time", "0");
            newline(x, 1);
            x.writeStartElement("testsuite");
            attribute(x, "name", SUITE);
            attribute(x, "tests", String.valueOf(cases.size()));
            attribute(x, "failures", String.valueOf(failures));
            attribute(x, "errors", "0");
            attribute(x, "skipped", String.valueOf(skipped));
            attribute(x, "time", "0");
            newline(x, 2);
            x.writeStartElement("properties");
            property(x, "samokoder.version", Version.get());
            property(x, "failOnSeverity", failOn.id());
            property(x, "readinessScore", String.valueOf(result.score().total()));
            for (Category c : Category.values()) {
                Integer s = result.score().categoryScores().get(c);
                if (s != null) {
                    property(x, "categoryScore." + c.id(), String.valueOf(s));
                }
            }
            newline(x, 2);
            x.writeEndElement();
            for (Case c : cases) {
                testCase(x, c, failOn, lang);
            }
            newline(x, 1);
            x.writeEndElement();
            newline(x, 0);
            x.writeEndElement();
            newline(x, 0);
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new AuditException("cannot write the JUnit report: " + e.getMessage());
        }
        return out.toByteArray();
    }

    enum Outcome { PASSED, FAILED, SKIPPED }

    /** One test case: a finding (null for a rule that ran clean) and what the CI tab shows for it. */
    record Case(String classname, String name, Finding finding, Outcome outcome) {
    }

    /** Test cases by rule id, each rule's findings in the audit's order; names made unique with " (2)", " (3)". */
    static List<Case> cases(AuditResult result, Severity failOn) {
        Set<Finding> blocking = Collections.newSetFromMap(new IdentityHashMap<>());
        blocking.addAll(Gate.evaluate(result, 0, failOn).blocking());
        Map<String, List<Finding>> byRule = new TreeMap<>();
        for (Finding f : result.findings()) {
            byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
        }
        Map<String, RuleMeta> ran = new HashMap<>();
        result.rulesRun().forEach(m -> ran.put(m.id(), m));
        for (String id : result.cleanRules()) {
            if (ran.containsKey(id)) {
                byRule.putIfAbsent(id, List.of());
            }
        }
        List<Case> cases = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (Map.Entry<String, List<Finding>> e : byRule.entrySet()) {
            if (e.getValue().isEmpty()) {
                RuleMeta m = ran.get(e.getKey());
                cases.add(new Case(classname(m.category()), unique(seen, m.id()), null, Outcome.PASSED));
                continue;
            }
            for (Finding f : e.getValue()) {
                Outcome outcome = !f.isActive() || f.status() == Finding.Status.BASELINED ? Outcome.SKIPPED
                        : blocking.contains(f) ? Outcome.FAILED : Outcome.PASSED;
                String location = f.location() + (f.line() > 0 && f.column() > 0 ? ":" + f.column() : "");
                cases.add(new Case(classname(f.category()), unique(seen, f.ruleId() + " " + location), f, outcome));
            }
        }
        return cases;
    }

    private static String classname(Category c) {
        return SUITE + "." + c.id();
    }

    private static String unique(Map<String, Integer> seen, String name) {
        int n = seen.merge(name, 1, Integer::sum);
        return n == 1 ? name : name + " (" + n + ")";
    }

    private static void testCase(XMLStreamWriter x, Case c, Severity failOn, Locale lang)
            throws XMLStreamException {
        newline(x, 2);
        Finding f = c.finding();
        if (f == null) {
            x.writeEmptyElement("testcase");
            attribute(x, "classname", c.classname());
            attribute(x, "name", c.name());
            attribute(x, "time", "0");
            return;
        }
        x.writeStartElement("testcase");
        attribute(x, "classname", c.classname());
        attribute(x, "name", c.name());
        attribute(x, "time", "0");
        String details = details(f, lang);
        switch (c.outcome()) {
            case FAILED -> {
                newline(x, 3);
                x.writeStartElement("failure");
                attribute(x, "message", f.location() + " " + f.messageIn(lang));
                attribute(x, "type", f.severity().id());
                text(x, details);
                x.writeEndElement();
            }
            case SKIPPED -> {
                newline(x, 3);
                x.writeEmptyElement("skipped");
                attribute(x, "message", skipReason(f, lang));
                newline(x, 3);
                x.writeStartElement("system-out");
                text(x, details);
                x.writeEndElement();
            }
            case PASSED -> {
                newline(x, 3);
                x.writeStartElement("system-out");
                text(x, details + "\n" + ReportTexts.t(lang, "report.junit.belowGate",
                        Gate.severity(failOn).render(lang)));
                x.writeEndElement();
            }
        }
        newline(x, 2);
        x.writeEndElement();
    }

    /** What the console prints for the finding, and its remediation. */
    private static String details(Finding f, Locale lang) {
        String location = f.location() + (f.line() > 0 && f.column() > 0 ? ":" + f.column() : "");
        return ReportTexts.finding(f, location, lang) + (f.remediation().isBlank() ? ""
                : "\n" + ReportTexts.t(lang, "report.remediation", f.remediationIn(lang)));
    }

    private static String skipReason(Finding f, Locale lang) {
        if (f.status() == Finding.Status.SUPPRESSED) {
            String reason = f.suppressionReason() == null ? "" : f.suppressionReason().strip();
            return reason.isEmpty() ? ReportTexts.t(lang, "report.junit.suppressed")
                    : ReportTexts.t(lang, "report.junit.suppressedWhy", reason);
        }
        return ReportTexts.t(lang, "report.junit.baselined");
    }

    private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        newline(x, 3);
        x.writeEmptyElement("property");
        attribute(x, "name", name);
        attribute(x, "value", value);
    }

    /** Indentation between elements: white space in element content, which every reader ignores. */
    private static void newline(XMLStreamWriter x, int depth) throws XMLStreamException {
        x.writeCharacters("\n" + "  ".repeat(depth));
    }

    /**
     * An attribute on one line: a parser turns line breaks and tabs in an attribute into spaces, so they are written
     * as spaces; characters XML 1.0 cannot hold become U+FFFD.
     */
    private static void attribute(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeAttribute(name, xml(value).replace('\n', ' ').replace('\t', ' '));
    }

    private static void text(XMLStreamWriter x, String value) throws XMLStreamException {
        x.writeCharacters(xml(value));
    }

    /**
     * Text XML 1.0 can hold, as a parser reads it back: CR LF and lone CR become LF, code points outside XML's
     * character range (control characters, unpaired surrogates) become U+FFFD. The writer escapes markup.
     */
    static String xml(String s) {
        String text = s.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            boolean ok = cp == 0x9 || cp == 0xA || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
                    || (cp >= 0x10000 && cp <= 0x10FFFF);
            b.appendCodePoint(ok ? cp : 0xFFFD);
        });
        return b.toString();
    }
}
