package io.samokoder.rules.docs;

import io.samokoder.i18n.Text;
import io.samokoder.engine.AuditContext;
import io.samokoder.workspace.FileKinds;
import io.samokoder.engine.Severity;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;
import io.samokoder.model.docsite.DocSite;
import io.samokoder.model.docsite.DocSites;
import io.samokoder.model.docsite.BlockContainers;
import io.samokoder.model.docsite.SitePages;
import io.samokoder.model.docsite.TocSlugify;
import io.samokoder.model.markdown.MarkdownDocument;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Links of a page that a documentation site publishes, judged the way the site resolves them rather than the way
 * GitHub's file view does (see {@link DocSite}):
 * <ul>
 *   <li>a Markdown link or image is looked up as MkDocs does, from the page's source folder within docs_dir (a
 *   missing {@code .md} target is what MkDocs warns about, {@code validation.links.not_found}); one MkDocs leaves as
 *   written (no file of that name) is then resolved by the browser from the page's URL;</li>
 *   <li>a raw HTML {@code href}/{@code src} is not rewritten by MkDocs: it is a URL, resolved from the page's URL
 *   ({@code page.md} is {@code page/} with {@code use_directory_urls}) against the built site's layout;</li>
 *   <li>{@code /img/x.png} starts at the host's root: the site served at {@code site_url}'s path, or the default
 *   language's site for a translation;</li>
 *   <li>anchors are the ids the site's pages have: headings by the configured {@code toc} slugify, attribute lists
 *   ({@code {#id}}), raw HTML ids, footnotes, and the headings of files pymdownx.snippets includes;</li>
 *   <li>a translated page's link to a page only the default language has is the default language's page where the
 *   build falls back to it (mkdocs-static-i18n's {@code fallback_to_default}); where a build script does it, the
 *   tool cannot see it and says so at info.</li>
 * </ul>
 * What the tool cannot decide (a template expression, a theme's own files, files a plugin adds, a slugify it does not
 * know, no {@code site_url}) is info with the reason. Thread-safe.
 */
final class SiteLinks {

    /** How a site path or file was found. */
    private enum Found { FILE, MISSING, UNKNOWN, FALLBACK }

    /**
     * Where a link lands: the repository file, or why it is unknown, or the fallback that finds it (whose reason the
     * messages docs.site.fallback* carry).
     */
    private record Target(Found found, String file, Text reason) {

        static final Target MISSING = new Target(Found.MISSING, null, null);

        static Target file(String file) {
            return new Target(Found.FILE, file, null);
        }

        static Target unknown(Text reason) {
            return new Target(Found.UNKNOWN, null, reason);
        }
    }

    /** The ids a page has on the site, or why they are unknown. */
    private record Anchors(Set<String> ids, Text unknown) {
    }

    private static final Pattern TRAILING_ATTRIBUTE_LIST = Pattern.compile("\\s*\\{:?[ \\t]*[^{}\\n]*}\\s*$");
    private static final Pattern GENERATED_BLOCK = Pattern.compile("(?m)^:::[ \\t]+\\S");
    private static final Pattern MARKDOWN_ATTRIBUTE = Pattern.compile("<[a-zA-Z][^>]*\\smarkdown(?:\\s*=|[\\s>/])");

    private final AuditContext context;
    private final DocSites sites;
    private final LinkAnalysis.Index index;
    private final Map<String, Anchors> anchors = new ConcurrentHashMap<>();

    SiteLinks(AuditContext context, DocSites sites, LinkAnalysis.Index index) {
        this.context = context;
        this.sites = sites;
        this.index = index;
    }

    /** Judges one link of {@code page} and adds what is wrong with it to {@code out}. */
    void check(List<LinkAnalysis.Issue> out, SourceFile file, MarkdownDocument doc, DocSites.Page page,
               MarkdownDocument.Link link, Text what) {
        String dest = link.destination() == null ? "" : link.destination().strip();
        LinkTarget generic = LinkTarget.resolve(file.path(), dest);
        if (generic.type() == LinkTarget.Type.NONE || generic.type() == LinkTarget.Type.WEB
                || generic.type() == LinkTarget.Type.OTHER_SCHEME) {
            return;
        }
        DocSite site = page.site();
        if (dest.contains("{{") || dest.contains("{%")) {
            if (site.templates().isPresent()) {
                out.add(issue(LinkAnalysis.Problem.BROKEN_LINK, file, link, Text.of("docs.site.template", what, dest,
                        site.templates().get(), site.describeOf()))
                        .demoted(Severity.INFO, Text.of("docs.site.reason.buildTime")));
                return;
            }
        }
        String fragment = null;
        String pathPart = dest;
        int hash = dest.indexOf('#');
        if (hash >= 0) {
            fragment = LinkTarget.percentDecode(dest.substring(hash + 1));
            pathPart = dest.substring(0, hash);
        }
        int query = pathPart.indexOf('?');
        if (query >= 0) {
            pathPart = pathPart.substring(0, query);
        }
        String path = LinkTarget.percentDecode(pathPart).replace('\\', '/');
        if (path.isEmpty()) {
            if (fragment != null && !link.kind().isImage()) {
                checkAnchor(out, file, link, what, site, file.path(), fragment, null);
            }
            return;
        }
        boolean raw = link.kind() == MarkdownDocument.Kind.HTML_HREF || link.kind() == MarkdownDocument.Kind.HTML_SRC;
        if (path.startsWith("/")) {
            if (site.absoluteFromDocs() && !raw) {
                markdownLink(out, file, doc, page, link, what, path.substring(1), "", fragment);
            } else {
                String absolute = urlPath(path);
                if (absolute == null) {
                    absolute = "/"; // a browser stops `..` at the host's root
                }
                urlLink(out, file, link, what, site, absolute, path, fragment, null, false);
            }
        } else if (raw) {
            String absolute = urlPath(base(site) + folderOf(pageUrl(site, page.uri())) + path);
            String fromSource = sourcePath(page, path);
            String hint = null;
            if (fromSource != null) {
                Target t = lookUpSource(site, fromSource);
                if (t.found() == Found.FILE) {
                    hint = t.file();
                }
            }
            if (absolute == null) {
                out.add(issue(LinkAnalysis.Problem.BROKEN_LINK, file, link, Text.of("docs.site.aboveRoot", what, dest,
                        base(site) + pageUrl(site, page.uri())))
                        .demoted(Severity.INFO, Text.of("docs.site.reason.servedWhere")));
                return;
            }
            urlLink(out, file, link, what, site, absolute, path, fragment, hint, hint != null && mdInHtml(site, doc));
        } else {
            markdownLink(out, file, doc, page, link, what, path, folderOf(page.uri()), fragment);
        }
    }

    /** A Markdown link: MkDocs looks the file up from the page's folder; what it leaves as written, the browser. */
    private void markdownLink(List<LinkAnalysis.Issue> out, SourceFile file, MarkdownDocument doc, DocSites.Page page,
                              MarkdownDocument.Link link, Text what, String path, String folder, String fragment) {
        DocSite site = page.site();
        String src = resolveUnder(folder, path);
        boolean markdown = FileKinds.isMarkdown(path);
        if (src != null) {
            Target t = lookUpSource(site, src);
            if (t.found() == Found.FILE) {
                anchorOf(out, file, link, what, site, t.file(), fragment);
                return;
            }
            if (t.found() == Found.UNKNOWN) {
                out.add(issue(LinkAnalysis.Problem.BROKEN_LINK, file, link, Text.of("docs.site.unpublished", what,
                        join(site.docsDir(), src), t.reason()))
                        .demoted(Severity.INFO, Text.of("docs.site.reason.unpublished")));
                return;
            }
            Target fallback = fallback(page, src);
            if (fallback.found() == Found.FILE) {
                anchorOf(out, file, link, what, site, fallback.file(), fragment);
                return;
            }
            if (fallback.found() == Found.FALLBACK) {
                out.add(issue(LinkAnalysis.Problem.BROKEN_LINK, file, link, Text.of("docs.site.fallback", what,
                        join(site.docsDir(), src), link.destination(), fallback.file()))
                        .demoted(Severity.INFO, Text.of("docs.site.mayCopy")));
                return;
            }
        }
        if (!markdown) {
            // MkDocs leaves a link to no file as written ("unrecognized relative link"); the browser resolves it from
            // the page's URL, where a site path such as `../tutorial/` is a page
            String absolute = urlPath(base(site) + folderOf(pageUrl(site, page.uri())) + path);
            if (absolute != null) {
                Target t = lookUpUrl(site, absolute);
                if (t.found() == Found.FILE) {
                    anchorOf(out, file, link, what, site, t.file(), fragment);
                    return;
                }
                if (t.found() != Found.MISSING) {
                    unknownOrFallback(out, file, link, what, t);
                    return;
                }
            }
        }
        if (site.fileGenerator().isPresent()) {
            out.add(missing(file, link, what, site, src, path).demoted(Severity.INFO,
                    Text.of("docs.site.reason.plugin", site.fileGenerator().get())));
            return;
        }
        String repoPath = src == null ? null : join(site.docsDir(), src);
        if (repoPath != null) {
            List<String> other = context.workspace().caseInsensitiveMatches(repoPath);
            if (!other.isEmpty()) {
                out.add(issue(LinkAnalysis.Problem.CASE_MISMATCH, file, link, Text.of("docs.site.caseMismatch", what,
                        repoPath, other.get(0))));
                return;
            }
        }
        out.add(missing(file, link, what, site, src, path));
    }

    private LinkAnalysis.Issue missing(SourceFile file, MarkdownDocument.Link link, Text what, DocSite site,
                                       String src, String path) {
        if (src == null) {
            String repo = Workspace.normalize(folderOf(file.path()) + path);
            return issue(LinkAnalysis.Problem.BROKEN_LINK, file, link, Text.of("docs.site.outsideDocs", what,
                    repo.startsWith("..") ? link.destination() : repo, link.destination(), site.docsDir(),
                    site.describeOf()));
        }
        String target = join(site.docsDir(), src);
        Text t = sameText(link.destination(), target) ? Text.of("docs.missing", what, target)
                : Text.of("docs.missingWritten", what, target, link.destination());
        t = Text.of(FileKinds.isMarkdown(target) ? "docs.site.notAmongDocs" : "docs.site.notInDocs", t,
                site.describeOf());
        Optional<String> closest = index.closest(target);
        if (closest.isPresent()) {
            t = Text.of("docs.didYouMean", t, closest.get());
        }
        return issue(LinkAnalysis.Problem.BROKEN_LINK, file, link, t);
    }

    /**
     * A URL on the host ({@code /img/x.png}, or a raw HTML URL made absolute from the page's URL): the site served
     * under the longest matching path, then the page or file at that site path.
     */
    private void urlLink(List<LinkAnalysis.Issue> out, SourceFile file, MarkdownDocument.Link link, Text what,
                         DocSite site, String absolute, String written, String fragment, String sourceFile,
                         boolean mdInHtml) {
        Target t = lookUpUrl(site, absolute);
        if (t.found() == Found.FILE) {
            anchorOf(out, file, link, what, site, t.file(), fragment);
            return;
        }
        if (t.found() != Found.MISSING) {
            unknownOrFallback(out, file, link, what, t);
            return;
        }
        if (sourceFile != null && mdInHtml) {
            out.add(issue(LinkAnalysis.Problem.BROKEN_LINK, file, link, Text.of("docs.site.url.mdInHtml", what,
                    absolute, link.destination(), site.describeOf(), sourceFile))
                    .demoted(Severity.INFO, Text.of("docs.site.reason.htmlAround")));
            return;
        }
        DocSite owner = owner(site, absolute);
        if (owner != null && owner.urlPath().isEmpty()) {
            out.add(issue(LinkAnalysis.Problem.BROKEN_LINK, file, link, Text.of("docs.site.url.atRoot", what,
                    absolute, link.destination(), owner.describeOf()))
                    .demoted(Severity.INFO, Text.of("docs.site.reason.noSiteUrl")));
            return;
        }
        Text of = owner == null ? site.describeOf() : owner.describeOf();
        Text m = absolute.equals(written) ? Text.of("docs.site.url.none", what, absolute, of)
                : Text.of("docs.site.url.noneWritten", what, absolute, link.destination(), of);
        if (!written.startsWith("/")) {
            m = sourceFile == null ? Text.of("docs.site.url.raw", m) : Text.of("docs.site.url.rawFrom", m, sourceFile);
        }
        out.add(issue(LinkAnalysis.Problem.BROKEN_LINK, file, link, m));
    }

    private void unknownOrFallback(List<LinkAnalysis.Issue> out, SourceFile file, MarkdownDocument.Link link,
                                   Text what, Target t) {
        if (t.found() == Found.FALLBACK) {
            out.add(issue(LinkAnalysis.Problem.BROKEN_LINK, file, link, Text.of("docs.site.fallbackUrl", what,
                    link.destination(), t.file())).demoted(Severity.INFO, Text.of("docs.site.mayCopy")));
        } else {
            out.add(issue(LinkAnalysis.Problem.BROKEN_LINK, file, link, Text.of("docs.site.unknown", what,
                    link.destination(), t.reason()))
                    .demoted(Severity.INFO, Text.of("docs.site.reason.undecidable")));
        }
    }

    // ---- the site's layout ----

    /** The file MkDocs finds for a path under docs_dir: a published file, excluded, or none. */
    private Target lookUpSource(DocSite site, String src) {
        String repo = join(site.docsDir(), src);
        if (!context.workspace().exists(repo) || context.workspace().isDirectory(repo)) {
            return Target.MISSING;
        }
        if (site.excluded(src)) {
            return Target.unknown(Text.of("docs.site.excluded"));
        }
        return Target.file(repo);
    }

    /** A translated page's missing target in the default language, as the build falls back to it. */
    private Target fallback(DocSites.Page page, String src) {
        DocSite site = page.site();
        DocSite.I18n i18n = site.i18n();
        if (i18n != null && i18n.folders() && i18n.fallback()) {
            int slash = src.indexOf('/');
            if (slash > 0 && i18n.languages().contains(src.substring(0, slash))
                    && !src.substring(0, slash).equals(i18n.defaultLanguage())) {
                Target t = lookUpSource(site, i18n.defaultLanguage() + src.substring(slash));
                if (t.found() == Found.FILE) {
                    return t; // mkdocs-static-i18n serves the default language's page
                }
            }
        }
        if (i18n != null && !i18n.folders() && i18n.fallback()) {
            String suffixless = src.replaceFirst("\\.([A-Za-z_-]+)\\.md$", ".md");
            if (!suffixless.equals(src)) {
                Target t = lookUpSource(site, suffixless);
                if (t.found() == Found.FILE) {
                    return t;
                }
            }
        }
        DocSite home = site.defaultSite();
        if (home != null) {
            Target t = lookUpSource(home, src);
            if (t.found() == Found.FILE) {
                return new Target(Found.FALLBACK, t.file(), null);
            }
        }
        return Target.MISSING;
    }

    /** The site that owns an absolute URL path: the one served under its longest matching prefix. */
    private DocSite owner(DocSite site, String absolute) {
        DocSite home = site.defaultSite() != null ? site.defaultSite() : site;
        DocSite best = null;
        int bestLength = -1;
        for (DocSite s : sites.sites()) {
            if (s != home && s.defaultSite() != home) {
                continue;
            }
            String prefix = s.urlPath().orElse(s == home ? "/" : null);
            if (prefix != null && (absolute + "/").startsWith(prefix) && prefix.length() > bestLength) {
                best = s;
                bestLength = prefix.length();
            }
        }
        return best;
    }

    private Target lookUpUrl(DocSite site, String absolute) {
        DocSite owner = owner(site, absolute);
        if (owner == null) {
            DocSite home = site.defaultSite() != null ? site.defaultSite() : site;
            return Target.unknown(Text.of("docs.site.otherSite", absolute, home.describeOf(),
                    home.urlPath().orElse("/")));
        }
        String prefix = owner.urlPath().orElse("/");
        String uri = (absolute + "/").startsWith(prefix) && absolute.length() < prefix.length() ? ""
                : absolute.substring(prefix.length());
        Target t = lookUpSitePath(owner, uri);
        if (t.found() == Found.MISSING && owner.defaultSite() != null) {
            Target home = lookUpSitePath(owner.defaultSite(), uri);
            if (home.found() == Found.FILE) {
                return new Target(Found.FALLBACK, home.file(), null);
            }
        }
        return t;
    }

    /** The page or file at a path of the built site ({@code tutorial/}, {@code img/x.png}, {@code a/b.html}). */
    private Target lookUpSitePath(DocSite site, String uri) {
        List<String> candidates = new ArrayList<>();
        String last = uri.substring(uri.lastIndexOf('/') + 1);
        if (uri.isEmpty() || uri.endsWith("/") || !last.contains(".")) {
            String dir = uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
            pagesOfFolder(site, dir, candidates);
            candidates.add(join(dir, "index.html"));
        } else if (last.endsWith(".html")) {
            candidates.add(uri);
            String stem = uri.substring(0, uri.length() - ".html".length());
            if (!site.directoryUrls()) {
                candidates.add(stem + ".md");
            }
            if (stem.equals("index") || stem.endsWith("/index")) {
                pagesOfFolder(site, folderOf(stem).isEmpty() ? "" : folderOf(stem).substring(0,
                        folderOf(stem).length() - 1), candidates);
            }
        } else if (!FileKinds.isMarkdown(uri)) {
            candidates.add(uri);
        }
        for (String c : candidates) {
            Target t = lookUpSource(site, c);
            if (t.found() == Found.FILE) {
                return t;
            }
            if (site.redirects().contains(c)) {
                return Target.file(join(site.docsDir(), c));
            }
        }
        Optional<DocSite.ThemeFile> theme = site.themeFile(uri);
        if (theme.isPresent()) {
            return theme.get().unlisted() == null ? Target.file(site.config()) : Target.unknown(theme.get().unlisted());
        }
        if (site.customDir().isPresent() && context.workspace().exists(join(site.customDir().get(), uri))
                && !context.workspace().isDirectory(join(site.customDir().get(), uri))) {
            return Target.file(join(site.customDir().get(), uri));
        }
        if (site.fileGenerator().isPresent()) {
            return Target.unknown(Text.of("docs.site.pluginFiles", site.fileGenerator().get(), site.describeText()));
        }
        return Target.MISSING;
    }

    private static void pagesOfFolder(DocSite site, String dir, List<String> out) {
        out.add(join(dir, "index.md"));
        out.add(join(dir, "README.md"));
        out.add(join(dir, "readme.md"));
        if (site.directoryUrls() && !dir.isEmpty()) {
            out.add(dir + ".md");
        }
    }

    /** The page's path on its site: {@code a/b.md} is {@code a/b/} (or {@code a/b.html}); an index is its folder. */
    static String pageUrl(DocSite site, String uri) {
        String folder = folderOf(uri);
        String name = uri.substring(folder.length());
        String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
        if (stem.equals("index") || stem.equalsIgnoreCase("readme")) {
            return folder;
        }
        return site.directoryUrls() ? folder + stem + "/" : folder + stem + ".html";
    }

    private static String base(DocSite site) {
        return site.urlPath().orElse("/");
    }

    // ---- anchors ----

    private void anchorOf(List<LinkAnalysis.Issue> out, SourceFile file, MarkdownDocument.Link link, Text what,
                          DocSite site, String target, String fragment) {
        if (fragment == null || link.kind().isImage() || !FileKinds.isMarkdown(target)) {
            return;
        }
        checkAnchor(out, file, link, what, site, target, fragment, target);
    }

    private void checkAnchor(List<LinkAnalysis.Issue> out, SourceFile file, MarkdownDocument.Link link, Text what,
                             DocSite site, String target, String fragment, String shownTarget) {
        if (fragment.isEmpty() || fragment.equalsIgnoreCase("top") || fragment.startsWith("__")) {
            return; // the page itself; ids the theme adds (Material's __codelineno-…, __tabbed_…)
        }
        DocSite pageSite = sites.page(target).map(DocSites.Page::site).orElse(site);
        Anchors a = anchors(pageSite, target);
        if (a == null || a.ids().contains(fragment.toLowerCase(Locale.ROOT))) {
            return;
        }
        Text m = shownTarget == null || shownTarget.equals(file.path())
                ? Text.of("docs.site.anchor.thisPage", what, fragment)
                : Text.of("docs.anchor.inFile", what, fragment, shownTarget);
        m = Text.of("docs.site.anchor.asBuilt", m, pageSite.describeText());
        if (a.unknown() != null) {
            out.add(issue(LinkAnalysis.Problem.BROKEN_ANCHOR, file, link,
                    Text.of("docs.site.because", m, a.unknown()))
                    .demoted(Severity.INFO, Text.of("docs.site.reason.idsUnknown")));
            return;
        }
        m = Text.of("docs.site.anchor.ids", m);
        Optional<String> near = LinkAnalysis.closestAnchor(fragment, new ArrayList<>(a.ids()));
        if (near.isPresent()) {
            m = Text.of("docs.anchor.didYouMean", m, near.get());
        }
        out.add(issue(LinkAnalysis.Problem.BROKEN_ANCHOR, file, link, m));
    }

    /** The ids of a page on its site, computed once per page; null when the file cannot be read. */
    private Anchors anchors(DocSite site, String path) {
        Anchors cached = anchors.get(path);
        if (cached != null) {
            return cached;
        }
        Optional<SourceFile> f = context.workspace().file(path);
        if (f.isEmpty()) {
            return null;
        }
        MarkdownDocument doc;
        try {
            doc = SitePages.document(context, f.get(), site);
        } catch (RuntimeException e) {
            return null;
        }
        Set<String> ids = new HashSet<>();
        Text[] unknown = {null};
        TocSlugify slugify = site.slugify();
        java.util.TreeMap<Integer, String> headingIds = new java.util.TreeMap<>();
        collect(site, doc, slugify, ids, unknown, new HashSet<>(), 0, headingIds);
        if (site.tabs().isPresent() && unknown[0] == null) {
            tabIds(site.tabs().get(), SitePages.tabs(context, f.get(), site), ids, unknown, headingIds);
        }
        if (site.contentGenerator().isPresent()) {
            String text = context.workspace().text(f.get()).orElse("");
            if (GENERATED_BLOCK.matcher(text).find()) {
                unknown[0] = Text.of("docs.site.ids.generated", site.contentGenerator().get());
            }
        }
        Anchors a = new Anchors(Set.copyOf(ids), unknown[0]);
        anchors.putIfAbsent(path, a);
        return a;
    }

    /**
     * Ids of the page's content tabs (pymdownx.tabbed with slugify): the label's text through the tab slugify, after
     * the preceding heading's id when combine_header_slug is set, numbered against every id of the page.
     */
    private static void tabIds(DocSite.Tabs config, List<BlockContainers.Tab> tabs, Set<String> ids,
                               Text[] unknown, java.util.NavigableMap<Integer, String> headingIds) {
        TocSlugify slugify = config.newSlugify();
        ids.forEach(slugify::reserve);
        for (BlockContainers.Tab t : tabs) {
            String slug = slugify.slugOf(TAB_LABEL_MARKUP.matcher(t.title()).replaceAll("${text}").strip());
            if (slug == null) {
                unknown[0] = Text.of("docs.site.ids.tabSlugify", config.slugifyName());
                return;
            }
            if (config.combineHeaderSlug()) {
                Map.Entry<Integer, String> parent = headingIds.lowerEntry(t.line());
                if (parent != null && !parent.getValue().isEmpty()) {
                    slug = parent.getValue() + config.separator() + slug;
                }
            }
            ids.add(slugify.uniqueSlug(slug).toLowerCase(Locale.ROOT));
        }
    }

    /** Inline markup of a tab label that its text drops: code backticks, emphasis, a link's destination. */
    private static final java.util.regex.Pattern TAB_LABEL_MARKUP = java.util.regex.Pattern.compile(
            "\\[(?<text>[^\\]]*)]\\([^)]*\\)|`+|\\*\\*|(?<![\\w*])[*_](?=\\S)|(?<=\\S)[*_](?![\\w*])");

    private void collect(DocSite site, MarkdownDocument doc, TocSlugify slugify, Set<String> ids, Text[] unknown,
                         Set<String> seen, int depth) {
        collect(site, doc, slugify, ids, unknown, seen, depth, null);
    }

    private void collect(DocSite site, MarkdownDocument doc, TocSlugify slugify, Set<String> ids, Text[] unknown,
                         Set<String> seen, int depth, java.util.Map<Integer, String> headingIds) {
        if (depth > 3 || !seen.add(doc.path())) {
            return;
        }
        for (MarkdownDocument.Anchor a : doc.anchors()) {
            String id = switch (a.source()) {
                case ATTRIBUTE_LIST -> site.attrList() ? a.id() : null;
                case HTML_ID, HTML_NAME -> a.id();
                case FOOTNOTE -> a.id().startsWith("fnref-") ? "fnref:" + a.id().substring(6)
                        : a.id().startsWith("fn-") ? "fn:" + a.id().substring(3) : null;
                default -> null;
            };
            if (id != null) {
                ids.add(id.toLowerCase(Locale.ROOT));
                slugify.reserve(id);
            }
        }
        for (MarkdownDocument.Heading h : doc.headings()) {
            if (h.html() || site.attrList() && h.explicitId() != null) {
                continue; // a raw HTML heading has only the id written on it; an attribute list's id is counted
            }
            String text = site.attrList() ? TRAILING_ATTRIBUTE_LIST.matcher(h.text()).replaceFirst("") : h.text();
            String id = slugify.unique(text.strip());
            if (id == null) {
                unknown[0] = Text.of("docs.site.ids.headingSlugify", site.unknownSlugify().orElse("?"));
                return;
            }
            ids.add(id.toLowerCase(Locale.ROOT));
            if (headingIds != null) {
                headingIds.put(h.line(), id);
            }
        }
        for (MarkdownDocument.Include inc : doc.includes()) {
            Optional<SourceFile> f = inc.fromPage() ? site.includeMarkdown().flatMap(p -> fromPage(doc, inc))
                    : site.snippets() ? fromBases(site, inc) : Optional.empty();
            if (f.isEmpty()) {
                continue;
            }
            try {
                collect(site, MarkdownDocument.of(context, f.get()), slugify, ids, unknown, seen, depth + 1);
            } catch (RuntimeException e) {
                // an included file that cannot be parsed adds no ids
            }
        }
    }

    private Optional<SourceFile> fromPage(MarkdownDocument doc, MarkdownDocument.Include inc) {
        String p = resolveUnder(folderOf(doc.path()), inc.path());
        return p == null || !FileKinds.isMarkdown(p) ? Optional.empty() : context.workspace().file(p);
    }

    private Optional<SourceFile> fromBases(DocSite site, MarkdownDocument.Include inc) {
        for (String base : site.snippetBases()) {
            String p = resolveUnder(base.isEmpty() ? "" : base + "/", inc.path());
            if (p != null && FileKinds.isMarkdown(p)) {
                Optional<SourceFile> f = context.workspace().file(p);
                if (f.isPresent()) {
                    return f;
                }
            }
        }
        return Optional.empty();
    }

    private boolean mdInHtml(DocSite site, MarkdownDocument doc) {
        if (!site.mdInHtml()) {
            return false;
        }
        Optional<SourceFile> f = context.workspace().file(doc.path());
        return f.isPresent() && MARKDOWN_ATTRIBUTE.matcher(context.workspace().text(f.get()).orElse("")).find();
    }

    // ---- paths ----

    /** {@code folder} + {@code path} normalised; null when it climbs above the start. */
    static String resolveUnder(String folder, String path) {
        String joined = Workspace.normalize(folder + path);
        return joined.startsWith("..") ? null : joined;
    }

    /**
     * An absolute URL path normalised as a browser resolves it, keeping the leading {@code /} and a trailing one
     * ({@code /de/tutorial/../img/} is {@code /de/img/}); null when it climbs above the host's root.
     */
    static String urlPath(String absolute) {
        String n = Workspace.normalize(absolute);
        if (n.startsWith("..")) {
            return null;
        }
        boolean folder = absolute.endsWith("/") || absolute.endsWith("/.") || absolute.endsWith("/..");
        return n.isEmpty() ? "/" : "/" + n + (folder ? "/" : "");
    }

    /** The page's folder with a trailing slash, "" at the top. */
    private String sourcePath(DocSites.Page page, String path) {
        return resolveUnder(folderOf(page.uri()), path);
    }

    static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    static String join(String dir, String path) {
        if (dir.isEmpty()) {
            return path;
        }
        return path.isEmpty() ? dir : dir + "/" + path;
    }

    private static boolean sameText(String destination, String target) {
        String d = destination;
        while (d.startsWith("./")) {
            d = d.substring(2);
        }
        return d.equals(target) || d.equals(target + "/");
    }

    private static LinkAnalysis.Issue issue(LinkAnalysis.Problem p, SourceFile file, MarkdownDocument.Link link,
                                            Text message) {
        return new LinkAnalysis.Issue(p, file.path(), link.line(), link.column(), message,
                link.kind().name().toLowerCase(Locale.ROOT) + ":" + link.destination());
    }
}
