package io.samokoder.rules.docs;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Severity;
import io.samokoder.engine.SourceFile;
import io.samokoder.model.docsite.AppTemplates;
import org.eclipse.jgit.attributes.Attribute;
import org.eclipse.jgit.attributes.AttributesNode;
import org.eclipse.jgit.attributes.AttributesRule;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a Markdown file sits, for the severity of its broken links. A broken link in the README or the docs is one a
 * reader hits and the project fixes (the rule's severity). Elsewhere the project would not edit the link:
 * <ul>
 *   <li>vendored third-party code (a {@code vendor/}, {@code third_party/}, {@code node_modules/}… folder, GitHub
 *   Linguist's convention, or {@code linguist-vendored} in the root {@code .gitattributes}): fixed upstream, info;</li>
 *   <li>test data (a Markdown file other than a README under a {@code test}/{@code tests}/{@code testdata}/
 *   {@code fixtures}… folder): input or expected output of a test, info;</li>
 *   <li>a changelog ({@code CHANGELOG.md}, {@code HISTORY.md}, {@code release-notes.md}…, or a file in a
 *   {@code changelog/} folder): entries describe the repository at their release, low; except under an
 *   "Unreleased" heading, which describes the current tree;</li>
 *   <li>a generated file ({@code linguist-generated} in {@code .gitattributes}): regenerated, not edited, low;</li>
 *   <li>a template of a web application ({@link AppTemplates}): its links are URLs the application serves and
 *   resolves when it renders the page, not repository paths, info.</li>
 * </ul>
 */
final class DocsPlacement {

    /**
     * A lower severity and why; the rule's own severity applies where there is none. {@code changelog}: the file is a
     * changelog, whose "Unreleased" section describes the current tree and keeps the rule's severity.
     */
    record Demotion(Severity severity, io.samokoder.i18n.Text reason, boolean changelog) {

        Demotion(Severity severity, io.samokoder.i18n.Text reason) {
            this(severity, reason, false);
        }
    }

    /** {@code ## [Unreleased]}, {@code ## Unreleased changes} (Keep a Changelog's section for what is not released). */
    static final Pattern UNRELEASED = Pattern.compile("^\\s*\\[?\\s*unreleased\\b", Pattern.CASE_INSENSITIVE);

    private static final Set<String> VENDOR_FOLDERS = Set.of("vendor", "vendors", "third_party", "third-party",
            "thirdparty", "3rdparty", "3rd_party", "3rd-party", "node_modules", "bower_components");
    private static final Set<String> TEST_FOLDERS = Set.of("test", "tests", "__tests__", "testdata", "test-data",
            "test_data", "fixtures", "__fixtures__", "__snapshots__");
    /** {@code CHANGELOG.md}, {@code HISTORY.rst}, {@code release-notes.md}, {@code CHANGELOG-v1.md}, {@code NEWS.ru.md}. */
    private static final Pattern CHANGELOG = Pattern.compile(
            "(?:change[-_]?log|changes|history|news|release[-_]?notes|releases)"
                    + "(?:[-_.](?:v?\\d[\\w.-]*|[a-z]{2}(?:[-_][a-z]{2,4})?|old|archive))?\\.[a-z]+",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> CHANGELOG_FOLDERS = Set.of("changelog", "changelogs", "changelog.d",
            "release-notes", "release_notes", "releasenotes");
    private static final Pattern README = Pattern.compile("readme(?:[-_.][^/]*)?\\.[a-z]+", Pattern.CASE_INSENSITIVE);

    private final List<AttributesRule> attributes;
    private final AppTemplates templates;

    private DocsPlacement(List<AttributesRule> attributes, AppTemplates templates) {
        this.attributes = attributes;
        this.templates = templates;
    }

    static DocsPlacement of(AuditContext context) {
        return context.model(DocsPlacement.class, c -> new DocsPlacement(rules(c), AppTemplates.of(c)));
    }

    static DocsPlacement withoutAttributes() {
        return new DocsPlacement(List.of(), null);
    }

    private static List<AttributesRule> rules(AuditContext context) {
        Optional<SourceFile> f = context.workspace().file(".gitattributes");
        String text = f.flatMap(context.workspace()::text).orElse("");
        if (text.isEmpty()) {
            return List.of();
        }
        AttributesNode node = new AttributesNode();
        try {
            node.parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return List.of(); // never happens for an in-memory stream
        }
        return node.getRules();
    }

    /** The demotion of every broken link in the file at {@code path}, if the file is not the project's docs. */
    Optional<Demotion> of(String path) {
        String[] segments = path.split("/");
        String name = segments[segments.length - 1];
        String vendored = attribute(path, "linguist-vendored");
        if ("true".equals(vendored)) {
            return Optional.of(new Demotion(Severity.INFO, io.samokoder.i18n.Text.of("docs.placement.vendoredAttribute")));
        }
        boolean underTests = false;
        for (int i = 0; i < segments.length - 1; i++) {
            String s = segments[i].toLowerCase(Locale.ROOT);
            if (VENDOR_FOLDERS.contains(s) && !"false".equals(vendored)) {
                return Optional.of(new Demotion(Severity.INFO,
                        io.samokoder.i18n.Text.of("docs.placement.vendoredFolder", segments[i])));
            }
            underTests |= TEST_FOLDERS.contains(s);
        }
        Optional<AppTemplates.Rendering> template = templates == null ? Optional.empty() : templates.rendering(path);
        if (template.isPresent()) {
            AppTemplates.Rendering r = template.get();
            return Optional.of(new Demotion(Severity.INFO, r.byTags()
                    ? io.samokoder.i18n.Text.of("docs.placement.appTemplateTags", r.templatesFolder())
                    : io.samokoder.i18n.Text.of("docs.placement.appTemplate", r.templatesFolder(), r.code(), r.line(),
                    r.written())));
        }
        if (underTests && !README.matcher(name).matches()) {
            return Optional.of(new Demotion(Severity.INFO, io.samokoder.i18n.Text.of("docs.placement.testData")));
        }
        if ("true".equals(attribute(path, "linguist-generated"))) {
            return Optional.of(new Demotion(Severity.LOW, io.samokoder.i18n.Text.of("docs.placement.generated")));
        }
        boolean changelogFolder = false;
        for (int i = 0; i < segments.length - 1; i++) {
            changelogFolder |= CHANGELOG_FOLDERS.contains(segments[i].toLowerCase(Locale.ROOT));
        }
        if (changelogFolder || CHANGELOG.matcher(name).matches()) {
            return Optional.of(new Demotion(Severity.LOW, io.samokoder.i18n.Text.of("docs.placement.changelog"), true));
        }
        return Optional.empty();
    }

    /** The value of a gitattribute for the path ("true", "false", a value, or null when unset), last rule wins. */
    private String attribute(String path, String key) {
        String value = null;
        for (AttributesRule rule : attributes) {
            if (rule.isMatch(path, false)) {
                for (Attribute a : rule.getAttributes()) {
                    if (a.getKey().equals(key)) {
                        value = switch (a.getState()) {
                            case SET -> "true";
                            case UNSET -> "false";
                            case CUSTOM -> a.getValue();
                            case UNSPECIFIED -> null;
                        };
                    }
                }
            }
        }
        return value;
    }
}
