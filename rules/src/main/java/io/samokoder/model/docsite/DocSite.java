package io.samokoder.model.docsite;

import org.eclipse.jgit.ignore.FastIgnoreRule;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A documentation site MkDocs builds from the repository, as its configuration ({@code mkdocs.yml}, with what it
 * {@code INHERIT}s) describes it: where the pages are ({@code docs_dir}), how a page's URL is made
 * ({@code use_directory_urls}, {@code site_url}'s path), what the Markdown extensions add (attribute-list ids, heading
 * ids by the configured {@code toc} slugify, pymdownx.snippets includes), what plugins do (mkdocs-static-i18n's
 * fallback to the default language, mkdocs-macros templates, mkdocs-redirects, plugins that add files or page
 * content), and, for a translation, the site of the default language. Immutable.
 */
public final class DocSite {

    /** A page named in {@code nav}, where it is written. */
    public record NavEntry(String target, String file, int line) {
    }

    /**
     * mkdocs-static-i18n: pages per language in folders ({@code docs/fr/page.md}) or suffixes ({@code page.fr.md});
     * {@code fallback}: a page missing in a language is the default language's ({@code fallback_to_default}).
     */
    public record I18n(boolean folders, String defaultLanguage, Set<String> languages, boolean fallback) {
    }

    /** Markdown settings of the site, from {@code markdown_extensions}. */
    record Markdown(boolean attrList, boolean mdInHtml, TocSlugify.Kind slugify, TocSlugify.Case letterCase,
                    String separator, String slugifyName, boolean snippets, List<String> snippetBases, Tabs tabs,
                    boolean containers) {
    }

    /**
     * Ids of content tabs ({@code === "Title"}) that pymdownx.tabbed gives when its {@code slugify} is set: the
     * label's text through that function, after the nearest preceding heading's id and the separator when
     * {@code combine_header_slug} is set, numbered like toc against the page's ids.
     */
    public record Tabs(TocSlugify.Kind slugify, TocSlugify.Case letterCase, String separator, boolean combineHeaderSlug,
                       String slugifyName) {

        /** A slugify for the tab labels of one page (not thread-safe), numbering against the ids it is given. */
        public TocSlugify newSlugify() {
            return new TocSlugify(slugify, letterCase, separator);
        }
    }

    /** What plugins (or extensions) change: the names of those that apply, empty when none. */
    record Plugins(Optional<String> templates, Optional<String> content, Optional<String> files,
                   Set<String> redirects, Optional<String> include, I18n i18n) {
    }

    private final String config;
    private final String docsDir;
    private final boolean directoryUrls;
    private final String urlPath;
    private final String language;
    private final DocSite defaultSite;
    private final Markdown markdown;
    private final Plugins plugins;
    private final List<FastIgnoreRule> excludes;
    private final String theme;
    private final String customDir;
    private final List<NavEntry> nav;
    private final boolean absoluteFromDocs;
    private final Map<String, String> alternates;

    DocSite(String config, String docsDir, boolean directoryUrls, String urlPath, String language,
            DocSite defaultSite, Markdown markdown, Plugins plugins, List<FastIgnoreRule> excludes, String theme,
            String customDir, List<NavEntry> nav, boolean absoluteFromDocs, Map<String, String> alternates) {
        this.config = config;
        this.docsDir = docsDir;
        this.directoryUrls = directoryUrls;
        this.urlPath = urlPath;
        this.language = language;
        this.defaultSite = defaultSite;
        this.markdown = markdown;
        this.plugins = plugins;
        this.excludes = List.copyOf(excludes);
        this.theme = theme;
        this.customDir = customDir;
        this.nav = List.copyOf(nav);
        this.absoluteFromDocs = absoluteFromDocs;
        this.alternates = Map.copyOf(alternates);
    }

    /**
     * This configuration's settings over another folder of pages: the {@code language} translation of
     * {@code defaultSite}, published under {@code urlPath}.
     */
    DocSite asTranslationOf(DocSite defaultSite, String docsDir, String language, String urlPath) {
        return new DocSite(config, docsDir, directoryUrls, urlPath, language, defaultSite, markdown, plugins,
                excludes, theme, customDir, List.of(), absoluteFromDocs, Map.of());
    }

    /** Repository path of the configuration file ({@code docs/en/mkdocs.yml}). */
    public String config() {
        return config;
    }

    /** Repository path of the folder of pages ({@code docs_dir}); "" for the repository root. */
    public String docsDir() {
        return docsDir;
    }

    /** Whether {@code page.md} is published as {@code page/} ({@code use_directory_urls}, true by default). */
    public boolean directoryUrls() {
        return directoryUrls;
    }

    /** The path the site is served under ({@code /}, {@code /project/}), from {@code site_url}; empty when not set. */
    public Optional<String> urlPath() {
        return Optional.ofNullable(urlPath);
    }

    /** The language of a translated site built from this configuration's settings; null for the site itself. */
    public String language() {
        return language;
    }

    /** For a translation: the site of the default language it is built beside; null otherwise. */
    public DocSite defaultSite() {
        return defaultSite;
    }

    /** Whether {@code {#id}} attribute lists become ids ({@code attr_list}). */
    public boolean attrList() {
        return markdown.attrList();
    }

    /** Whether raw HTML with a {@code markdown} attribute is parsed as Markdown ({@code md_in_html}). */
    public boolean mdInHtml() {
        return markdown.mdInHtml();
    }

    /** A fresh heading-id maker for one page, with the site's {@code toc} slugify. */
    public TocSlugify slugify() {
        return new TocSlugify(markdown.slugify(), markdown.letterCase(), markdown.separator());
    }

    /** How content tabs get ids, or empty when they get none a link can name (pymdownx.tabbed without slugify). */
    public Optional<Tabs> tabs() {
        return Optional.ofNullable(markdown.tabs());
    }

    /**
     * Whether the site's Markdown has block containers whose content is indented below a marker line (admonition
     * {@code !!! note}, pymdownx.details {@code ??? note}, pymdownx.tabbed {@code === "Title"}): that content is
     * Markdown on the site, an indented code block on GitHub.
     */
    public boolean containers() {
        return markdown.containers();
    }

    /** The configured slugify as written, when the tool does not know it; empty for a known one. */
    public Optional<String> unknownSlugify() {
        return markdown.slugify() == TocSlugify.Kind.UNKNOWN ? Optional.ofNullable(markdown.slugifyName())
                : Optional.empty();
    }

    /** Whether pymdownx.snippets inserts {@code --8<--} files. */
    public boolean snippets() {
        return markdown.snippets();
    }

    /** Folders pymdownx.snippets looks files up in ({@code base_path}, from where MkDocs runs: the config's folder). */
    public List<String> snippetBases() {
        return markdown.snippetBases();
    }

    /** The plugin or extension that renders {@code {{ … }}} / {@code {% … %}} in pages (mkdocs-macros). */
    public Optional<String> templates() {
        return plugins.templates();
    }

    /** The plugin or extension that renders {@code ::: identifier} blocks into page content (mkdocstrings). */
    public Optional<String> contentGenerator() {
        return plugins.content();
    }

    /** A plugin that adds or removes files when the site is built (mkdocs-gen-files, monorepo, blog). */
    public Optional<String> fileGenerator() {
        return plugins.files();
    }

    /** The mkdocs-include-markdown plugin's name when it is configured. */
    public Optional<String> includeMarkdown() {
        return plugins.include();
    }

    /** Pages (paths under docs_dir) mkdocs-redirects serves a redirect page for. */
    public Set<String> redirects() {
        return plugins.redirects();
    }

    /** mkdocs-static-i18n settings, or null. */
    public I18n i18n() {
        return plugins.i18n();
    }

    /** The theme's name ({@code mkdocs}, {@code readthedocs}, {@code material}); "" when only custom_dir is given. */
    public String theme() {
        return theme;
    }

    /** Repository path of the theme's {@code custom_dir}, whose static files are published at the site root. */
    public Optional<String> customDir() {
        return Optional.ofNullable(customDir);
    }

    /** Pages {@code nav} names, written in this site's own configuration file (not inherited). */
    public List<NavEntry> nav() {
        return nav;
    }

    /** {@code validation.links.absolute_links: relative_to_docs}: {@code /x.md} is docs_dir's {@code x.md}. */
    public boolean absoluteFromDocs() {
        return absoluteFromDocs;
    }

    /** Language folders named by the theme's language selector ({@code extra.alternate}): folder to URL path. */
    Map<String, String> alternates() {
        return alternates;
    }

    /**
     * Whether MkDocs leaves a file under docs_dir out of the site: dot-files and folders, the {@code templates/}
     * folder at its top, and {@code exclude_docs} patterns.
     *
     * @param uri the path under docs_dir
     */
    public boolean excluded(String uri) {
        for (String segment : uri.split("/")) {
            if (segment.startsWith(".")) {
                return true;
            }
        }
        if (uri.startsWith("templates/")) {
            return true;
        }
        boolean result = false;
        for (FastIgnoreRule rule : excludes) {
            if (rule.isMatch(uri, false)) {
                result = rule.getResult();
            }
        }
        return result;
    }

    /** Files the built-in themes publish at the site root, beside the pages. */
    private static final Map<String, List<String>> THEME_FILES = Map.of(
            "mkdocs", List.of("img/favicon.ico", "img/grid.png", "css/", "js/", "webfonts/"),
            "readthedocs", List.of("img/favicon.ico", "css/", "js/"),
            "material", List.of("assets/"));
    /** Files MkDocs itself writes into every site. */
    private static final Set<String> GENERATED = Set.of("sitemap.xml", "sitemap.xml.gz", "404.html",
            "search/search_index.json", "search.html");

    /**
     * A file the theme or MkDocs publishes at a site path; {@code unlisted} is null when it surely exists, else why it
     * may (a folder the theme fills with files the tool cannot list).
     */
    public record ThemeFile(io.samokoder.i18n.Text unlisted) {
    }

    /** Whether the theme or MkDocs publishes a file at this site path; empty when it does not. */
    public java.util.Optional<ThemeFile> themeFile(String uri) {
        if (GENERATED.contains(uri)) {
            return java.util.Optional.of(new ThemeFile(null));
        }
        for (String f : THEME_FILES.getOrDefault(theme, List.of())) {
            if (f.endsWith("/") ? uri.startsWith(f) : uri.equals(f)) {
                return java.util.Optional.of(new ThemeFile(f.endsWith("/")
                        ? io.samokoder.i18n.Text.of("model.docsite.themeFiles", theme, f) : null));
            }
        }
        return java.util.Optional.empty();
    }

    /** {@link #describe()} as a subject ("the MkDocs site `mkdocs.yml`"). */
    public io.samokoder.i18n.Text describeText() {
        return language == null ? io.samokoder.i18n.Text.of("model.docsite.site", config)
                : io.samokoder.i18n.Text.of("model.docsite.translation", config, language, docsDir);
    }

    /** {@link #describe()} after "of" ("files of the MkDocs site `mkdocs.yml`"), a genitive in Russian. */
    public io.samokoder.i18n.Text describeOf() {
        return language == null ? io.samokoder.i18n.Text.of("model.docsite.siteOf", config)
                : io.samokoder.i18n.Text.of("model.docsite.translationOf", config, language, docsDir);
    }

    /** "the MkDocs site `mkdocs.yml`" (with the language for a translation). */
    public String describe() {
        String site = "the MkDocs site `" + config + "`";
        return language == null ? site : site + "'s `" + language + "` translation in `" + docsDir + "/`";
    }
}
