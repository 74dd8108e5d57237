package io.samokoder.model.docsite;

import io.samokoder.engine.AuditContext;
import io.samokoder.workspace.FileKinds;
import io.samokoder.engine.Workspace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The documentation sites of the repository: one per MkDocs configuration whose {@code docs_dir} exists, plus the
 * translations built beside one from the same settings. A translation is a sibling folder named for a language
 * ({@code docs/de/} beside {@code docs/en/}, which holds {@code mkdocs.yml}) with the same folder of pages
 * ({@code docs/de/docs/}) and either no configuration of its own or one that {@code INHERIT}s the default
 * language's: how projects that publish each language as its own MkDocs build (the Material theme's language
 * selector, {@code extra.alternate}) lay out their docs. Built once per audit; immutable.
 */
public final class DocSites {

    /** A Markdown file that a site publishes as a page: its site and its path under the site's docs_dir. */
    public record Page(DocSite site, String uri) {
    }

    /** en, de, pt-BR, zh-hant, zh_Hant: a folder named for a language. */
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(?:[-_][A-Za-z]{2,4})?");

    private static final DocSites NONE = new DocSites(List.of());

    private final List<DocSite> sites;

    private DocSites(List<DocSite> sites) {
        this.sites = List.copyOf(sites);
    }

    public static DocSites of(AuditContext context) {
        return context.model(DocSites.class, c -> load(c.workspace()));
    }

    /** Every site, the default language's before its translations, in configuration path order. */
    public List<DocSite> sites() {
        return sites;
    }

    static DocSites load(Workspace ws) {
        List<String> configs = new ArrayList<>();
        for (String p : new TreeSet<>(ws.allFilePaths())) {
            if (MkDocsConfig.isConfig(p)) {
                configs.add(p);
            }
        }
        if (configs.isEmpty()) {
            return NONE;
        }
        Map<String, DocSite> byConfig = new LinkedHashMap<>();
        Map<String, List<String>> chains = new LinkedHashMap<>();
        for (String config : configs) {
            List<String> chain = new ArrayList<>();
            Optional<ConfigTree> tree = MkDocsConfig.load(ws, config, chain);
            if (tree.isEmpty()) {
                continue;
            }
            MkDocsConfig.site(ws, config, tree.get()).ifPresent(s -> byConfig.put(config, s));
            chains.put(config, chain);
        }
        java.util.Set<String> translated = new java.util.HashSet<>();
        Map<String, List<DocSite>> translations = new LinkedHashMap<>();
        for (DocSite site : byConfig.values()) {
            if (chains.get(site.config()).size() == 1) {
                translations.put(site.config(), translations(ws, site, byConfig, chains, translated));
            }
        }
        List<DocSite> out = new ArrayList<>();
        for (DocSite site : byConfig.values()) {
            if (!translated.contains(site.config())) {
                out.add(site);
                out.addAll(translations.getOrDefault(site.config(), List.of()));
            }
        }
        return new DocSites(out);
    }

    private static boolean isLanguageFolder(String config) {
        String folder = MkDocsConfig.folder(config);
        return LANGUAGE.matcher(folder.substring(folder.lastIndexOf('/') + 1)).matches();
    }

    /** The sibling language folders of a site whose configuration sits in a language folder. */
    private static List<DocSite> translations(Workspace ws, DocSite site, Map<String, DocSite> byConfig,
                                              Map<String, List<String>> chains, java.util.Set<String> translated) {
        String root = MkDocsConfig.folder(site.config());
        if (root.isEmpty() || !isLanguageFolder(site.config()) || !site.docsDir().startsWith(root + "/")) {
            return List.of();
        }
        String docsRelative = site.docsDir().substring(root.length() + 1);
        String parent = MkDocsConfig.folder(root);
        String prefix = parent.isEmpty() ? "" : parent + "/";
        List<DocSite> out = new ArrayList<>();
        for (String dir : new TreeSet<>(ws.allDirectoryPaths())) {
            if (!dir.startsWith(prefix) || dir.equals(root) || dir.indexOf('/', prefix.length()) >= 0) {
                continue;
            }
            String name = dir.substring(prefix.length());
            String docs = dir + "/" + docsRelative;
            if (!LANGUAGE.matcher(name).matches() || !ws.isDirectory(docs)) {
                continue;
            }
            String own = null;
            for (String c : List.of(dir + "/mkdocs.yml", dir + "/mkdocs.yaml")) {
                if (chains.containsKey(c)) {
                    own = c;
                }
            }
            if (own != null && !chains.get(own).contains(site.config())) {
                continue; // a site of its own
            }
            if (own != null) {
                translated.add(own);
            }
            String url = site.alternates().get(name);
            if (url == null && site.urlPath().isPresent()) {
                url = site.urlPath().get() + name + "/";
            }
            DocSite base = own != null && byConfig.containsKey(own) ? byConfig.get(own) : site;
            out.add(base.asTranslationOf(site, docs, name, url));
        }
        return out;
    }

    /** The page a Markdown file is on a site, or empty when no site publishes it. */
    public Optional<Page> page(String path) {
        if (sites.isEmpty() || !FileKinds.isMarkdown(path)) {
            return Optional.empty();
        }
        return siteOf(path).flatMap(s -> {
            String uri = s.docsDir().isEmpty() ? path : path.substring(s.docsDir().length() + 1);
            return s.excluded(uri) ? Optional.empty() : Optional.of(new Page(s, uri));
        });
    }

    /** The site whose docs_dir holds the path (the deepest one). */
    public Optional<DocSite> siteOf(String path) {
        return sites.stream().filter(s -> s.docsDir().isEmpty() || path.startsWith(s.docsDir() + "/"))
                .max(Comparator.comparingInt(s -> s.docsDir().length()));
    }
}
