package io.samokoder.rules.docs;

import io.samokoder.engine.AuditContext;
import io.samokoder.workspace.FileKinds;
import io.samokoder.engine.Parallel;
import io.samokoder.engine.Severity;
import io.samokoder.i18n.Text;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;
import io.samokoder.model.docsite.DocSites;
import io.samokoder.model.docsite.ScriptPlaceholders;
import io.samokoder.model.docsite.SitePages;
import io.samokoder.model.markdown.MarkdownDocument;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Every relative link, image and anchor of every Markdown file resolved once against the repository, shared by the
 * docs rules (each reports its own kind of problem). Files are parsed in parallel; the result is in a deterministic
 * order. Never reads a file outside the workspace: existence is answered from the workspace's index.
 */
public final class LinkAnalysis {

    /** The kinds of problem, one per rule. */
    public enum Problem { BROKEN_LINK, CASE_MISMATCH, BROKEN_ANCHOR, OUTSIDE_REPO, NOT_CHECKED }

    /**
     * One problem at one link. {@code key} is the destination as written (stable across line moves); {@code severity}
     * is null where the rule's own severity applies, else a lower one the message explains.
     */
    public record Issue(Problem problem, String path, int line, int column, Text text, String key,
                        Severity severity) {

        Issue(Problem problem, String path, int line, int column, Text text, String key) {
            this(problem, path, line, column, text, key, null);
        }

        /** The message in English (fingerprints and baselines read it). */
        public String message() {
            return text.english();
        }

        /** This issue at no more than {@code lower}, with the reason appended to the message. */
        Issue demoted(Severity lower, Text reason) {
            if (severity != null && lower.atLeast(severity)) {
                return this;
            }
            return new Issue(problem, path, line, column,
                    Text.of("docs.demoted", text, Text.of("docs.severity." + lower.id()), reason), key, lower);
        }
    }

    /** An {@code http(s)} link for the online mode. */
    public record WebLink(String path, int line, int column, String url) {
    }

    /** GitHub line anchors: {@code #L10}, {@code #L10-L20}, {@code #L10C3-L12C5}. */
    private static final Pattern LINE_ANCHOR = Pattern.compile("L\\d+(C\\d+)?(-L\\d+(C\\d+)?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern README = Pattern.compile("readme\\.(md|markdown|mdown|mkdn|mkd)",
            Pattern.CASE_INSENSITIVE);

    private final List<Issue> issues;
    private final List<WebLink> webLinks;

    private LinkAnalysis(List<Issue> issues, List<WebLink> webLinks) {
        this.issues = issues;
        this.webLinks = webLinks;
    }

    /** The analysis of this audit, computed once. */
    public static LinkAnalysis of(AuditContext context) {
        return context.model(LinkAnalysis.class, LinkAnalysis::analyse);
    }

    /** Markdown files of the workspace that the checks read (text, not binary). */
    public static List<SourceFile> markdownFiles(AuditContext context) {
        List<SourceFile> out = new ArrayList<>();
        for (SourceFile f : context.workspace().files()) {
            if (FileKinds.isMarkdown(f.path())) {
                out.add(f);
            }
        }
        return out;
    }

    public List<Issue> issues(Problem problem) {
        List<Issue> out = new ArrayList<>();
        for (Issue i : issues) {
            if (i.problem() == problem) {
                out.add(i);
            }
        }
        return out;
    }

    public List<WebLink> webLinks() {
        return webLinks;
    }

    /** Paths of {@link #markdownFiles}, from names alone: the staged-files mode asks this without parsing anything. */
    public static java.util.SortedSet<String> markdownPaths(AuditContext context) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        markdownFiles(context).forEach(f -> out.add(f.path()));
        return out;
    }

    static LinkAnalysis analyse(AuditContext context) {
        List<SourceFile> files = markdownFiles(context);
        Index index = new Index(context.workspace(), context.config().excludes());
        DocsPlacement placement = DocsPlacement.of(context);
        DocSites sites = DocSites.of(context);
        SiteLinks siteLinks = new SiteLinks(context, sites, index);
        List<List<Issue>> perFile = Parallel.map(files, 1, f -> placed(context, placement,
                checkFile(context, index, sites, siteLinks, f), f));
        List<Issue> all = new ArrayList<>();
        perFile.forEach(all::addAll);
        List<WebLink> web = new ArrayList<>();
        for (SourceFile f : files) {
            for (MarkdownDocument.Link link : MarkdownDocument.of(context, f).links()) {
                if (link.kind() == MarkdownDocument.Kind.REFERENCE
                        || link.kind() == MarkdownDocument.Kind.IMAGE_REFERENCE) {
                    continue;
                }
                LinkTarget t = LinkTarget.resolve(f.path(), link.destination());
                if (t.type() == LinkTarget.Type.WEB) {
                    web.add(new WebLink(f.path(), link.line(), link.column(), t.path()));
                }
            }
        }
        return new LinkAnalysis(Collections.unmodifiableList(all), Collections.unmodifiableList(web));
    }

    /**
     * The file's issues at the severity its place calls for: lower in vendored code, test data, changelogs, generated
     * files and generated sections (see {@link DocsPlacement}).
     */
    private static List<Issue> placed(AuditContext context, DocsPlacement placement, List<Issue> issues,
                                      SourceFile file) {
        if (issues.isEmpty()) {
            return issues;
        }
        Optional<DocsPlacement.Demotion> fileWide = placement.of(file.path());
        MarkdownDocument doc = MarkdownDocument.of(context, file);
        List<Issue> out = new ArrayList<>(issues.size());
        for (Issue i : issues) {
            Issue placed = i;
            if (i.problem() != Problem.NOT_CHECKED) {
                if (fileWide.isPresent() && !(fileWide.get().changelog() && unreleased(doc, i.line()))) {
                    placed = placed.demoted(fileWide.get().severity(), fileWide.get().reason());
                }
                Optional<MarkdownDocument.GeneratedRegion> region = doc.generatedRegionAt(i.line());
                if (region.isPresent()) {
                    placed = placed.demoted(Severity.LOW, Text.of("docs.generatedRegion",
                            region.get().startLine(), shorten(region.get().marker())));
                }
            }
            out.add(placed);
        }
        return out;
    }

    /** Whether the line is in the section under an "Unreleased" heading (or one of its subsections). */
    private static boolean unreleased(MarkdownDocument doc, int line) {
        int level = Integer.MAX_VALUE;
        List<MarkdownDocument.Heading> headings = doc.headings();
        for (int k = headings.size() - 1; k >= 0; k--) {
            MarkdownDocument.Heading h = headings.get(k);
            if (h.line() > line || h.level() >= level) {
                continue;
            }
            if (DocsPlacement.UNRELEASED.matcher(h.text()).find()) {
                return true;
            }
            level = h.level();
        }
        return false;
    }

    private static String shorten(String marker) {
        String m = marker.replaceAll("\\s+", " ");
        return m.length() <= 80 ? m : m.substring(0, 79) + "…";
    }

    private static List<Issue> checkFile(AuditContext context, Index index, DocSites sites, SiteLinks siteLinks,
                                         SourceFile file) {
        List<Issue> out = new ArrayList<>();
        MarkdownDocument doc;
        try {
            doc = MarkdownDocument.of(context, file);
        } catch (RuntimeException e) {
            return out; // a parser failure on one file must not hide the others' findings
        }
        if (doc.notParsed() != null) {
            out.add(new Issue(Problem.NOT_CHECKED, file.path(), 1, 1,
                    Text.of("docs.notChecked", doc.notParsedText()), "not-checked"));
            return out;
        }
        Optional<DocSites.Page> page = sites.page(file.path());
        if (page.isPresent()) {
            // the site reads block containers' indented content as Markdown: their links are links there
            doc = SitePages.document(context, file, page.get().site());
        }
        Map<String, List<Integer>> usages = new HashMap<>();
        for (MarkdownDocument.Link l : doc.links()) {
            if (l.label() != null && l.kind() != MarkdownDocument.Kind.DEFINITION) {
                usages.computeIfAbsent(norm(l.label()), k -> new ArrayList<>()).add(l.line());
            }
        }
        for (MarkdownDocument.Link link : doc.links()) {
            if (link.kind() == MarkdownDocument.Kind.REFERENCE
                    || link.kind() == MarkdownDocument.Kind.IMAGE_REFERENCE) {
                continue; // checked once, at the definition
            }
            Text what = what(link, usages);
            int before = out.size();
            checkLink(context, index, siteLinks, page, out, file, doc, link, what);
            substituted(context, out, before, file, link);
        }
        return out;
    }

    /**
     * A broken link whose destination a repository script replaces in this file before using it (a template's
     * placeholder, {@code [English version](ENGLISH_VERSION_URL)}) is info: its real target is known only then.
     */
    private static void substituted(AuditContext context, List<Issue> out, int from, SourceFile file,
                                    MarkdownDocument.Link link) {
        for (int k = from; k < out.size(); k++) {
            Issue i = out.get(k);
            if (i.problem() != Problem.BROKEN_LINK || i.severity() != null) {
                continue;
            }
            Optional<ScriptPlaceholders.Substitution> s = ScriptPlaceholders.of(context)
                    .substitutedIn(file.path(), link.destination());
            if (s.isEmpty()) {
                return;
            }
            out.set(k, i.demoted(Severity.INFO, Text.of("docs.substituted", s.get().script(),
                    s.get().placeholder())));
        }
    }

    private static void checkLink(AuditContext context, Index index, SiteLinks siteLinks,
                                  Optional<DocSites.Page> page, List<Issue> out, SourceFile file,
                                  MarkdownDocument doc, MarkdownDocument.Link link, Text what) {
        if (page.isPresent()) {
            // a page of a documentation site: its links are judged as the site resolves them
            siteLinks.check(out, file, doc, page.get(), link, what);
            return;
        }
        LinkTarget t = LinkTarget.resolve(file.path(), link.destination());
        switch (t.type()) {
            case OUTSIDE_REPO -> out.add(issue(Problem.OUTSIDE_REPO, file, link,
                    Text.of(t.levelsAbove() == 1 ? "docs.outside.one" : "docs.outside.many", what,
                            link.destination(), t.levelsAbove())));
            case SAME_FILE -> {
                if (!link.kind().isImage()) {
                    checkAnchor(context, out, file, link, what, doc, t.fragment(), null);
                }
            }
            case REPO_PATH -> checkPath(context, index, out, file, link, what, t);
            default -> {
            }
        }
    }

    private static void checkPath(AuditContext context, Index index, List<Issue> out, SourceFile file,
                                  MarkdownDocument.Link link, Text what, LinkTarget t) {
        Workspace ws = context.workspace();
        String target = t.path();
        if (!ws.exists(target)) {
            if (index.excluded(target)) {
                return; // in a folder the configuration excludes from the audit: not walked, so unknown
            }
            List<String> other = ws.caseInsensitiveMatches(target);
            if (!other.isEmpty()) {
                Text written = sameText(link.destination(), target) ? Text.of("docs.target", target)
                        : Text.of("docs.targetWritten", link.destination(), target);
                out.add(issue(Problem.CASE_MISMATCH, file, link, Text.of("docs.caseMismatch", what, written,
                        other.get(0))));
                return;
            }
            Text m = sameText(link.destination(), target) ? Text.of("docs.missing", what, target)
                    : Text.of("docs.missingWritten", what, target, link.destination());
            Optional<String> closest = index.closest(target);
            if (closest.isPresent()) {
                m = Text.of("docs.didYouMean", m, closest.get());
            }
            out.add(issue(Problem.BROKEN_LINK, file, link, m));
            return;
        }
        if (t.fragment() == null || link.kind().isImage()) {
            return;
        }
        String markdown = target;
        if (ws.isDirectory(target)) {
            markdown = index.readmeOf(target);
            if (markdown == null) {
                return;
            }
        }
        if (!FileKinds.isMarkdown(markdown)) {
            return; // fragments of code files are line anchors or unknowable
        }
        Optional<SourceFile> md = ws.file(markdown);
        if (md.isEmpty()) {
            return; // excluded or too large: its anchors are unknown
        }
        MarkdownDocument other;
        try {
            other = MarkdownDocument.of(context, md.get());
        } catch (RuntimeException e) {
            return;
        }
        checkAnchor(context, out, file, link, what, other, t.fragment(), markdown);
    }

    private static void checkAnchor(AuditContext context, List<Issue> out, SourceFile file,
                                    MarkdownDocument.Link link, Text what, MarkdownDocument target, String fragment,
                                    String targetPath) {
        if (fragment.isEmpty() || fragment.equalsIgnoreCase("top") || fragment.equalsIgnoreCase("readme")
                || LINE_ANCHOR.matcher(fragment).matches() || target.hasAnchor(fragment)) {
            return;
        }
        Text m = targetPath == null || targetPath.equals(file.path())
                ? Text.of("docs.anchor.thisFile", what, fragment) : Text.of("docs.anchor.inFile", what, fragment, targetPath);
        Optional<MarkdownDocument.Anchor> attribute = target.attributeListAnchor(fragment);
        if (attribute.isPresent()) {
            // written for a site generator: the anchor exists where the docs are published, not on GitHub
            m = Text.of("docs.anchor.attributeList", m, attribute.get().id(), attribute.get().line());
            Optional<MarkdownDocument.Heading> named = target.headings().stream()
                    .filter(h -> attribute.get().id().equals(h.explicitId()) && h.anchor() != null).findFirst();
            if (named.isPresent()) {
                m = Text.of("docs.anchor.namesHeading", m, named.get().anchor());
            }
            out.add(issue(Problem.BROKEN_ANCHOR, file, link, m).demoted(Severity.INFO,
                    Text.of("docs.worksOnSite")));
            return;
        }
        Optional<Text> included = includedAnchor(context, target, fragment, new java.util.HashSet<>(), 0);
        if (included.isPresent()) {
            m = Text.of("docs.anchor.included", m, included.get());
            out.add(issue(Problem.BROKEN_ANCHOR, file, link, m).demoted(Severity.INFO,
                    Text.of("docs.worksOnSite")));
            return;
        }
        Optional<String> closest = closestAnchor(fragment, target.anchorIds());
        if (closest.isPresent()) {
            String s = closest.get();
            m = s.chars().anyMatch(c -> c >= 0xFE00 && c <= 0xFE0F)
                    ? Text.of("docs.anchor.didYouMeanEmoji", m, s, s.replace("\uFE0F", "%EF%B8%8F"))
                    : Text.of("docs.anchor.didYouMean", m, s);
        }
        out.add(issue(Problem.BROKEN_ANCHOR, file, link, m));
    }

    /**
     * Where an anchor comes from when a file the site generator includes into {@code page} has it: "the heading comes
     * from `CONTRIBUTING.md`, which … includes on line N"; empty when no included file (followed three levels deep)
     * has it.
     */
    private static Optional<Text> includedAnchor(AuditContext context, MarkdownDocument page, String fragment,
                                                   java.util.Set<String> seen, int depth) {
        if (depth > 3 || !seen.add(page.path())) {
            return Optional.empty();
        }
        for (MarkdownDocument.Include inc : page.includes()) {
            Optional<SourceFile> f = includedFile(context, page.path(), inc);
            if (f.isEmpty()) {
                continue;
            }
            MarkdownDocument doc;
            try {
                doc = MarkdownDocument.of(context, f.get());
            } catch (RuntimeException e) {
                continue;
            }
            Text why = Text.of(inc.fromPage() ? "docs.anchor.from.includeMarkdown" : "docs.anchor.from.snippets",
                    f.get().path(), page.path(), inc.line());
            if (doc.hasAnchor(fragment) || doc.attributeListAnchor(fragment).isPresent()) {
                return Optional.of(why);
            }
            Optional<Text> deeper = includedAnchor(context, doc, fragment, seen, depth + 1);
            if (deeper.isPresent()) {
                return deeper;
            }
        }
        return Optional.empty();
    }

    /**
     * The Markdown file an include names: include-markdown resolves from the page's folder; snippets from the folder
     * MkDocs runs in (where mkdocs.yml is), tried from the page's folder up to the repository root.
     */
    private static Optional<SourceFile> includedFile(AuditContext context, String pagePath, MarkdownDocument.Include inc) {
        String dir = pagePath.contains("/") ? pagePath.substring(0, pagePath.lastIndexOf('/')) : "";
        while (true) {
            LinkTarget t = LinkTarget.resolve(dir.isEmpty() ? "x.md" : dir + "/x.md", inc.path());
            if (t.type() == LinkTarget.Type.REPO_PATH && FileKinds.isMarkdown(t.path())) {
                Optional<SourceFile> f = context.workspace().file(t.path());
                if (f.isPresent()) {
                    return f;
                }
            }
            if (inc.fromPage() || dir.isEmpty()) {
                return Optional.empty();
            }
            dir = dir.contains("/") ? dir.substring(0, dir.lastIndexOf('/')) : "";
        }
    }

    static Optional<String> closestAnchor(String fragment, List<String> anchors) {
        String f = fragment.toLowerCase(Locale.ROOT);
        int threshold = Math.max(2, Math.min(8, f.length() / 3));
        LevenshteinDistance distance = new LevenshteinDistance(threshold);
        String best = null;
        int bestScore = Integer.MAX_VALUE;
        for (String a : new TreeSet<>(anchors)) {
            int d = distance.apply(f, a.toLowerCase(Locale.ROOT));
            if (d >= 0 && d < bestScore) {
                best = a;
                bestScore = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean sameText(String destination, String target) {
        String d = destination;
        while (d.startsWith("./")) {
            d = d.substring(2);
        }
        return d.equals(target) || d.equals(target + "/");
    }

    private static Text what(MarkdownDocument.Link link, Map<String, List<Integer>> usages) {
        return switch (link.kind()) {
            case IMAGE, IMAGE_REFERENCE -> Text.of("docs.what.image");
            case HTML_SRC -> Text.of("docs.what.htmlImage");
            case DEFINITION -> {
                List<Integer> lines = usages.getOrDefault(norm(link.label()), List.of());
                yield lines.isEmpty() ? Text.of("docs.what.referenceUnused", link.label())
                        : Text.of(lines.size() > 1 ? "docs.what.referenceUsedLines" : "docs.what.referenceUsedLine",
                        link.label(), joinLines(lines));
            }
            case HTML_HREF -> Text.of("docs.what.htmlLink");
            default -> Text.of("docs.what.link");
        };
    }

    private static String joinLines(List<Integer> lines) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size() && i < 5; i++) {
            sb.append(i == 0 ? "" : ", ").append(lines.get(i));
        }
        return lines.size() > 5 ? sb + ", …" : sb.toString();
    }

    private static String norm(String label) {
        return label.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Issue issue(Problem p, SourceFile file, MarkdownDocument.Link link, Text message) {
        return new Issue(p, file.path(), link.line(), link.column(), message,
                link.kind().name().toLowerCase(Locale.ROOT) + ":" + link.destination());
    }

    /** Folder listings and names of the workspace, for README lookup and "did you mean" hints. */
    static final class Index {
        private final Map<String, List<String>> children = new HashMap<>();
        private final Map<String, List<String>> byName = new HashMap<>();
        private final Map<String, Optional<String>> hints = new java.util.concurrent.ConcurrentHashMap<>();

        private final List<org.eclipse.jgit.ignore.FastIgnoreRule> excludes = new ArrayList<>();

        Index(Workspace ws, List<String> excludePatterns) {
            for (String e : excludePatterns) {
                if (e != null && !e.isBlank()) {
                    excludes.add(new org.eclipse.jgit.ignore.FastIgnoreRule(e.trim()));
                }
            }
            Map<String, List<String>> kids = new TreeMap<>();
            for (String p : ws.allFilePaths()) {
                add(kids, p);
            }
            for (String p : ws.allDirectoryPaths()) {
                add(kids, p);
            }
            children.putAll(kids);
        }

        private void add(Map<String, List<String>> kids, String p) {
            int slash = p.lastIndexOf('/');
            String parent = slash < 0 ? "" : p.substring(0, slash);
            String name = slash < 0 ? p : p.substring(slash + 1);
            kids.computeIfAbsent(parent, k -> new ArrayList<>()).add(p);
            byName.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(p);
        }

        /** Whether the configured excludes cover the path or one of its folders (same semantics as the walk). */
        boolean excluded(String path) {
            if (excludes.isEmpty()) {
                return false;
            }
            String p = path;
            boolean directory = false;
            while (!p.isEmpty()) {
                boolean result = false;
                for (org.eclipse.jgit.ignore.FastIgnoreRule rule : excludes) {
                    if (rule.isMatch(p, directory)) {
                        result = rule.getResult();
                    }
                }
                if (result || !directory && matchesAsDirectory(p)) {
                    return true;
                }
                int slash = p.lastIndexOf('/');
                p = slash < 0 ? "" : p.substring(0, slash);
                directory = true;
            }
            return false;
        }

        private boolean matchesAsDirectory(String p) {
            boolean result = false;
            for (org.eclipse.jgit.ignore.FastIgnoreRule rule : excludes) {
                if (rule.isMatch(p, true)) {
                    result = rule.getResult();
                }
            }
            return result;
        }

        /** The README GitHub shows for a folder (first by name among README.md, readme.markdown, …), or null. */
        String readmeOf(String dir) {
            String prefix = dir.isEmpty() ? "" : dir + "/";
            List<String> names = new ArrayList<>();
            for (String p : children.getOrDefault(dir, List.of())) {
                String name = p.substring(prefix.length());
                if (README.matcher(name).matches()) {
                    names.add(p);
                }
            }
            Collections.sort(names);
            return names.isEmpty() ? null : names.get(0);
        }

        /**
         * The existing path closest to a missing one (Levenshtein distance from commons-text): the entry of the same
         * folder whose name is within a quarter of the name's length (at most 4 edits), else the file of the same name
         * whose folder is within a third of the folder's length (at most 8 edits); empty when nothing is close.
         */
        Optional<String> closest(String missing) {
            return hints.computeIfAbsent(missing, this::computeClosest);
        }

        private Optional<String> computeClosest(String missing) {
            int slash = missing.lastIndexOf('/');
            String name = slash < 0 ? missing : missing.substring(slash + 1);
            String parent = slash < 0 ? "" : missing.substring(0, slash);
            String best = null;
            int bestScore = Integer.MAX_VALUE;
            if (children.containsKey(parent)) {
                // a typo in the name: the closest entry of the same folder
                int t = Math.max(1, Math.min(4, name.length() / 4));
                LevenshteinDistance distance = new LevenshteinDistance(t);
                String prefix = parent.isEmpty() ? "" : parent + "/";
                for (String c : children.get(parent)) {
                    String cname = c.substring(prefix.length());
                    if (Math.abs(cname.length() - name.length()) > t) {
                        continue;
                    }
                    int d = distance.apply(name.toLowerCase(Locale.ROOT), cname.toLowerCase(Locale.ROOT));
                    if (d >= 0 && (d < bestScore || d == bestScore && c.compareTo(best) < 0)) {
                        best = c;
                        bestScore = d;
                    }
                }
            }
            if (best == null) {
                // the right name in the wrong folder: the file of that name whose folder is closest
                int t = Math.max(2, Math.min(8, parent.length() / 3));
                LevenshteinDistance distance = new LevenshteinDistance(t);
                for (String c : byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of())) {
                    int s = c.lastIndexOf('/');
                    String cparent = s < 0 ? "" : c.substring(0, s);
                    int d = distance.apply(parent, cparent);
                    if (d >= 0 && (d < bestScore || d == bestScore && c.compareTo(best) < 0)) {
                        best = c;
                        bestScore = d;
                    }
                }
            }
            return Optional.ofNullable(best);
        }
    }
}
