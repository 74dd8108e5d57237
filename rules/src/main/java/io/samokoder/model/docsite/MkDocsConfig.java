package io.samokoder.model.docsite;

import io.samokoder.engine.SourceFile;
import io.samokoder.engine.Workspace;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.engine.yaml.YamlLoader;
import org.eclipse.jgit.ignore.FastIgnoreRule;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an {@code mkdocs.yml} (and the files it {@code INHERIT}s) into a {@link DocSite}, with MkDocs' defaults for
 * what is not written: {@code docs_dir: docs} beside the file, {@code use_directory_urls: true}, the {@code toc}
 * extension with Python-Markdown's ASCII slugify.
 */
final class MkDocsConfig {

    /** Plugins that render Jinja expressions in pages before Markdown. */
    private static final Set<String> TEMPLATE_PLUGINS = Set.of("macros", "markdownextradata", "mkdocs-macros",
            "jinja2");
    /** Plugins and extensions that render {@code ::: identifier} blocks into page content with headings. */
    private static final Set<String> CONTENT_GENERATORS = Set.of("mkdocstrings", "mkdocs-click", "mkdocs_click",
            "mkdocs-typer", "mkdocs_typer", "mkdoxy");
    /** Plugins that add pages or files to the site while it is built (or take them from elsewhere). */
    private static final Set<String> FILE_GENERATORS = Set.of("gen-files", "monorepo", "same-dir", "simple",
            "blog", "material/blog", "multirepo", "techdocs-core", "mkdocs-simple-plugin", "exclude",
            "awesome-nav-gen", "api-autonav", "mkdocs-jupyter");

    private MkDocsConfig() {
    }

    /** Whether a file name is MkDocs' configuration file. */
    static boolean isConfig(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.equals("mkdocs.yml") || name.equals("mkdocs.yaml");
    }

    /** The configuration with what it inherits merged in, or empty when it cannot be read. */
    static Optional<ConfigTree> load(Workspace ws, String path, List<String> chain) {
        if (chain.size() > 8 || chain.contains(path)) {
            return Optional.empty();
        }
        Optional<SourceFile> f = ws.file(path);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> text = ws.text(f.get());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        YamlDocument doc = YamlLoader.loadWithGlobalTags(path, text.get());
        if (doc.documents().isEmpty()) {
            return Optional.empty();
        }
        ConfigTree tree = ConfigTree.of(doc.documents().get(0), path);
        if (!(tree.value() instanceof Map<?, ?>)) {
            return Optional.empty();
        }
        chain.add(path);
        Optional<String> inherit = tree.text("INHERIT");
        if (inherit.isPresent()) {
            String parent = Workspace.normalize(folder(path) + "/" + inherit.get());
            Optional<ConfigTree> base = load(ws, parent, chain);
            if (base.isPresent()) {
                tree = ConfigTree.merge(base.get(), tree);
            }
        }
        return Optional.of(tree);
    }

    /** The site the configuration describes, or empty when its docs_dir is not a folder of the repository. */
    static Optional<DocSite> site(Workspace ws, String path, ConfigTree c) {
        String root = folder(path);
        String docsDir = resolve(root, c.text("docs_dir").orElse("docs"));
        if (docsDir == null || !ws.isDirectory(docsDir)) {
            return Optional.empty();
        }
        ConfigTree themeTree = c.get("theme");
        String theme = "mkdocs";
        String customDir = null;
        if (themeTree != null && themeTree.value() instanceof String s) {
            theme = s;
        } else if (themeTree != null) {
            theme = themeTree.text("name").orElse("");
            customDir = themeTree.text("custom_dir").map(d -> resolve(root, d)).orElse(null);
        }
        ConfigTree validation = c.get("validation");
        boolean fromDocs = false;
        if (validation != null) {
            ConfigTree links = validation.get("links");
            String absolute = (links != null ? links.text("absolute_links") : Optional.<String>empty())
                    .or(() -> validation.text("absolute_links")).orElse("");
            fromDocs = absolute.equals("relative_to_docs");
        }
        return Optional.of(new DocSite(path, docsDir, c.flag("use_directory_urls", true),
                urlPath(c), null, null, markdown(root, c), plugins(c), excludes(c), theme, customDir,
                nav(path, c), fromDocs, alternates(c)));
    }

    private static String urlPath(ConfigTree c) {
        ConfigTree url = c.get("site_url");
        if (url == null || url.text().isEmpty() || !url.tag().equals("str")) {
            return null; // unset, or !ENV: only known when the site is built
        }
        try {
            String p = URI.create(url.text().get().strip()).getPath();
            if (p == null || p.isEmpty()) {
                return "/";
            }
            return p.endsWith("/") ? p : p + "/";
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static DocSite.Markdown markdown(String root, ConfigTree c) {
        Map<String, ConfigTree> ext = new LinkedHashMap<>();
        ConfigTree list = c.get("markdown_extensions");
        if (list != null) {
            list.named().forEach((k, v) -> ext.put(k.startsWith("markdown.extensions.")
                    ? k.substring("markdown.extensions.".length()) : k, v));
        }
        boolean extra = ext.containsKey("extra") || ext.containsKey("pymdownx.extra");
        boolean attrList = extra || ext.containsKey("attr_list");
        boolean mdInHtml = extra || ext.containsKey("md_in_html");
        TocSlugify.Kind kind = TocSlugify.Kind.ASCII;
        TocSlugify.Case letterCase = TocSlugify.Case.LOWER;
        String separator = "-";
        String name = null;
        ConfigTree toc = ext.get("toc");
        if (toc != null) {
            separator = toc.text("separator").orElse("-");
            ConfigTree slug = toc.get("slugify");
            if (slug != null) {
                Slugify f = slugify(slug);
                kind = f.kind();
                letterCase = f.letterCase();
                name = f.name();
            }
        }
        DocSite.Tabs tabs = null;
        ConfigTree tabbed = ext.get("pymdownx.tabbed");
        if (tabbed != null && tabbed.get("slugify") != null) {
            // tab ids from the label text, unique against the page's ids (pymdownx.tabbed's TabbedTreeprocessor)
            Slugify f = slugify(tabbed.get("slugify"));
            tabs = new DocSite.Tabs(f.kind(), f.letterCase(), tabbed.text("separator").orElse("-"),
                    tabbed.flag("combine_header_slug", false), f.name());
        }
        // Python-Markdown block extensions whose content is the indented lines below the marker line
        boolean containers = ext.containsKey("admonition") || ext.containsKey("pymdownx.details")
                || ext.containsKey("pymdownx.tabbed");
        ConfigTree snippets = ext.get("pymdownx.snippets");
        List<String> bases = new ArrayList<>();
        if (snippets != null) {
            ConfigTree base = snippets.get("base_path");
            List<String> written = new ArrayList<>();
            if (base == null) {
                written.add(".");
            } else if (base.value() instanceof String s) {
                written.add(s);
            } else {
                base.list().forEach(b -> b.text().ifPresent(written::add));
            }
            for (String b : written) {
                String r = resolve(root, b);
                if (r != null) {
                    bases.add(r);
                }
            }
        }
        return new DocSite.Markdown(attrList, mdInHtml, kind, letterCase, separator, name, snippets != null, bases,
                tabs, containers);
    }

    private record Slugify(TocSlugify.Kind kind, TocSlugify.Case letterCase, String name) {
    }

    /** A {@code slugify: !!python/name:…} or {@code !!python/object/apply:…} setting (of toc or pymdownx.tabbed). */
    private static Slugify slugify(ConfigTree slug) {
        String tag = slug.tag();
        int colon = tag.indexOf(':');
        String name = colon < 0 ? slug.text().orElse(tag) : tag.substring(colon + 1);
        ConfigTree kwds = slug.get("kwds");
        String caseWord = kwds == null ? "" : kwds.text("case").orElse("none");
        return switch (name) {
            case "markdown.extensions.toc.slugify" -> new Slugify(TocSlugify.Kind.ASCII, TocSlugify.Case.LOWER, name);
            case "markdown.extensions.toc.slugify_unicode" ->
                    new Slugify(TocSlugify.Kind.UNICODE, TocSlugify.Case.LOWER, name);
            case "pymdownx.slugs.uslugify", "pymdownx.slugs.uslugify_encoded" ->
                    new Slugify(TocSlugify.Kind.PYMDOWNX, TocSlugify.Case.LOWER, name);
            case "pymdownx.slugs.uslugify_cased", "pymdownx.slugs.uslugify_cased_encoded" ->
                    new Slugify(TocSlugify.Kind.PYMDOWNX, TocSlugify.Case.NONE, name);
            case "pymdownx.slugs.gfm", "pymdownx.slugs.gfm_encoded" ->
                    new Slugify(TocSlugify.Kind.PYMDOWNX, TocSlugify.Case.LOWER_ASCII, name);
            case "pymdownx.slugs.slugify" -> new Slugify(TocSlugify.Kind.PYMDOWNX, switch (caseWord) {
                case "lower" -> TocSlugify.Case.LOWER;
                case "lower-ascii" -> TocSlugify.Case.LOWER_ASCII;
                case "fold" -> TocSlugify.Case.FOLD;
                default -> TocSlugify.Case.NONE;
            }, name);
            default -> new Slugify(TocSlugify.Kind.UNKNOWN, TocSlugify.Case.LOWER, name);
        };
    }

    private static DocSite.Plugins plugins(ConfigTree c) {
        Map<String, ConfigTree> plugins = new LinkedHashMap<>();
        ConfigTree p = c.get("plugins");
        if (p != null) {
            p.named().forEach((k, v) -> {
                if (v.flag("enabled", true)) {
                    plugins.put(k, v);
                }
            });
        }
        Set<String> extensions = new LinkedHashSet<>();
        ConfigTree ext = c.get("markdown_extensions");
        if (ext != null) {
            extensions.addAll(ext.named().keySet());
        }
        Optional<String> templates = plugins.keySet().stream().filter(TEMPLATE_PLUGINS::contains).findFirst()
                .or(() -> extensions.stream().filter(e -> e.toLowerCase(Locale.ROOT).contains("macros")).findFirst());
        Optional<String> content = plugins.keySet().stream().filter(CONTENT_GENERATORS::contains).findFirst()
                .or(() -> extensions.stream().filter(CONTENT_GENERATORS::contains).findFirst());
        Optional<String> files = plugins.keySet().stream().filter(FILE_GENERATORS::contains).findFirst();
        Set<String> redirects = new LinkedHashSet<>();
        ConfigTree r = plugins.get("redirects");
        if (r != null && r.get("redirect_maps") != null) {
            redirects.addAll(r.get("redirect_maps").map().keySet());
        }
        Optional<String> include = plugins.containsKey("include-markdown") ? Optional.of("include-markdown")
                : Optional.empty();
        return new DocSite.Plugins(templates, content, files, Set.copyOf(redirects), include,
                i18n(plugins.get("i18n")));
    }

    private static DocSite.I18n i18n(ConfigTree i) {
        if (i == null) {
            return null;
        }
        boolean folders = i.text("docs_structure").orElse("suffix").equals("folder");
        String defaultLanguage = i.text("default_language").orElse(null);
        Set<String> languages = new LinkedHashSet<>();
        ConfigTree langs = i.get("languages");
        if (langs != null && langs.value() instanceof Map<?, ?>) {
            languages.addAll(langs.map().keySet()); // mkdocs-static-i18n 0.x: {en: English, fr: français}
        } else if (langs != null) {
            for (ConfigTree l : langs.list()) {
                Optional<String> locale = l.text("locale");
                if (locale.isEmpty()) {
                    continue;
                }
                languages.add(locale.get());
                if (l.flag("default", false)) {
                    defaultLanguage = locale.get();
                }
            }
        }
        if (defaultLanguage == null && !languages.isEmpty()) {
            defaultLanguage = languages.iterator().next();
        }
        if (defaultLanguage == null) {
            return null;
        }
        return new DocSite.I18n(folders, defaultLanguage, Set.copyOf(languages),
                i.flag("fallback_to_default", true));
    }

    private static List<FastIgnoreRule> excludes(ConfigTree c) {
        List<FastIgnoreRule> out = new ArrayList<>();
        Optional<String> text = c.text("exclude_docs");
        if (text.isPresent()) {
            for (String line : text.get().split("\\R")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    try {
                        out.add(new FastIgnoreRule(l));
                    } catch (RuntimeException e) {
                        // a pattern jgit cannot read is left out, as an unknown exclusion
                    }
                }
            }
        }
        return out;
    }

    private static List<DocSite.NavEntry> nav(String path, ConfigTree c) {
        ConfigTree nav = c.get("nav");
        List<DocSite.NavEntry> out = new ArrayList<>();
        if (nav != null && path.equals(nav.file())) {
            collectNav(nav, out, 0);
        }
        return out;
    }

    private static void collectNav(ConfigTree t, List<DocSite.NavEntry> out, int depth) {
        if (depth > 20) {
            return;
        }
        if (t.value() instanceof String s) {
            String v = s.strip();
            if (!v.isEmpty() && !v.contains("://") && !v.startsWith("/") && !v.startsWith("mailto:")) {
                out.add(new DocSite.NavEntry(v, t.file(), t.line()));
            }
        } else if (t.value() instanceof List<?>) {
            t.list().forEach(i -> collectNav(i, out, depth + 1));
        } else {
            t.map().values().forEach(v -> {
                if (v != null) {
                    collectNav(v, out, depth + 1);
                }
            });
        }
    }

    private static Map<String, String> alternates(ConfigTree c) {
        Map<String, String> out = new LinkedHashMap<>();
        ConfigTree extra = c.get("extra");
        ConfigTree alternate = extra == null ? null : extra.get("alternate");
        if (alternate == null) {
            return out;
        }
        for (ConfigTree a : alternate.list()) {
            Optional<String> link = a.text("link");
            if (link.isEmpty() || !link.get().startsWith("/")) {
                continue;
            }
            String p = link.get().endsWith("/") ? link.get() : link.get() + "/";
            String[] segments = p.substring(1).split("/");
            String lang = a.text("lang").orElse(segments.length == 0 ? "" : segments[segments.length - 1]);
            if (!lang.isEmpty()) {
                out.put(lang, p);
            }
        }
        return out;
    }

    static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** A path written relative to {@code root}, as a repository path; null when it leaves the repository. */
    static String resolve(String root, String written) {
        if (written.startsWith("/") || written.matches("^[A-Za-z]:[\\\\/].*")) {
            return null; // an absolute path on the machine that builds the site
        }
        String joined = Workspace.normalize(root.isEmpty() ? written : root + "/" + written);
        return joined.startsWith("..") ? null : joined;
    }
}
