package io.samokoder.model.alertmanager;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;
import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.model.placeholders.PlaceholderScanner;
import io.samokoder.model.render.ConfigRendering;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every Alertmanager configuration of the repository, found by name ({@code alertmanager.yml} and template variants),
 * by content (a root mapping with {@code route} and {@code receivers}), and, once deployments are known, as the file
 * a container passes to {@code --config.file} or renders into it. Shared model: {@link #of(AuditContext)}.
 */
public final class AlertmanagerConfigs {

    public enum How { NAME, CONTENT, COMPOSE }

    /** A found config and how it was found. */
    public record Entry(AlertmanagerConfig config, Set<How> how, boolean templateByName) {
        public String path() {
            return config.path();
        }
    }

    private final List<Entry> entries;

    private AlertmanagerConfigs(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static AlertmanagerConfigs of(AuditContext ctx) {
        return ctx.model(AlertmanagerConfigs.class, AlertmanagerConfigs::load);
    }

    private static AlertmanagerConfigs load(AuditContext ctx) {
        Map<String, Entry> found = new LinkedHashMap<>();
        for (SourceFile f : ctx.workspace().files()) {
            String path = f.path();
            if (PlaceholderScanner.isTemplateLanguageFile(path)) {
                continue;
            }
            boolean byName = AlertmanagerFiles.isByName(path);
            if (!byName && !AlertmanagerFiles.isContentCandidate(path)) {
                continue;
            }
            Optional<String> text = ctx.workspace().text(f);
            if (text.isEmpty()) {
                continue;
            }
            if (!byName && !(text.get().contains("route") && text.get().contains("receivers"))) {
                continue; // cheap pre-filter before parsing every YAML file of the repository
            }
            YamlDocument yaml = ctx.yaml(f);
            boolean shaped = AlertmanagerConfig.looksLikeAlertmanager(yaml);
            if (!shaped && !(byName && (!yaml.isUsable() || hasAlertmanagerKeys(yaml)))) {
                continue;
            }
            Set<How> how = EnumSet.noneOf(How.class);
            if (byName) {
                how.add(How.NAME);
            }
            if (shaped) {
                how.add(How.CONTENT);
            }
            found.put(path, new Entry(AlertmanagerConfig.of(f, yaml), how, AlertmanagerFiles.isTemplateName(path)));
        }
        ConfigRendering rendering = ConfigRendering.of(ctx, ConfigRendering.Program.ALERTMANAGER);
        Set<String> deployed = new java.util.TreeSet<>(rendering.loadedAsIs());
        rendering.renders().forEach(r -> deployed.add(r.source()));
        for (String path : deployed) {
            Entry known = found.get(path);
            if (known != null) {
                Set<How> how = EnumSet.copyOf(known.how());
                how.add(How.COMPOSE);
                found.put(path, new Entry(known.config(), how, known.templateByName()));
                continue;
            }
            Optional<SourceFile> f = ctx.workspace().file(path);
            if (f.isEmpty() || ctx.workspace().text(f.get()).isEmpty()
                    || PlaceholderScanner.isTemplateLanguageFile(path)) {
                continue;
            }
            found.put(path, new Entry(AlertmanagerConfig.of(f.get(), ctx.yaml(f.get())), EnumSet.of(How.COMPOSE),
                    AlertmanagerFiles.isTemplateName(path)));
        }
        List<Entry> sorted = new ArrayList<>(found.values());
        sorted.sort(java.util.Comparator.comparing(Entry::path));
        return new AlertmanagerConfigs(sorted);
    }

    private static boolean hasAlertmanagerKeys(YamlDocument yaml) {
        Map<String, org.yaml.snakeyaml.nodes.Node> root = yaml.rootMapping();
        return root.containsKey("route") || root.containsKey("receivers") || root.containsKey("inhibit_rules")
                || root.containsKey("global") && !root.containsKey("scrape_configs")
                || root.containsKey("time_intervals");
    }

    public List<Entry> entries() {
        return entries;
    }

    public Optional<Entry> entry(String path) {
        return entries.stream().filter(e -> e.path().equals(path)).findFirst();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
