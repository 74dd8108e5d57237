package io.samokoder.model.settings;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;
import io.samokoder.model.Location;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Spring Boot profile files beside a base configuration. {@code application-prod.yml} next to
 * {@code application.yml} is read after it when the {@code prod} profile is active, and a property it sets replaces the
 * base file's value: in that deployment the base value is not the one used.
 */
public final class SpringProfiles {

    private static final Pattern BASE = Pattern.compile("(?:application|bootstrap)\\.(?:ya?ml|properties)");
    /** Profiles named for a shared or deployed environment. */
    private static final Pattern DEPLOYED_PROFILE = Pattern.compile(
            "(?:application|bootstrap)-[A-Za-z0-9_.-]*(?:prod|production|staging|stage|live)[A-Za-z0-9_.-]*"
                    + "\\.(?:ya?ml|properties)");

    private SpringProfiles() {
    }

    /**
     * The properties that deployed profiles' files beside {@code base} set, by Spring's relaxed name (case, '-' and
     * '_' aside), with where each is set; empty for a profile's own file.
     */
    public static Map<String, Location> deployedOverrides(AuditContext context, SourceFile base) {
        String name = base.path().substring(base.path().lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (!BASE.matcher(name).matches()) {
            return Map.of();
        }
        String dir = base.path().substring(0, base.path().lastIndexOf('/') + 1);
        Map<String, Location> out = new HashMap<>();
        for (SourceFile f : context.workspace().files()) {
            String p = f.path();
            if (!p.startsWith(dir) || p.indexOf('/', dir.length()) >= 0
                    || !DEPLOYED_PROFILE.matcher(p.substring(dir.length()).toLowerCase(Locale.ROOT)).matches()) {
                continue;
            }
            for (Setting s : FileSettings.of(context, f).settings()) {
                out.putIfAbsent(relaxed(SpringBlocks.property(s)), Location.of(p, s.line()));
            }
        }
        return out;
    }

    /** Spring's relaxed form of a property name, for comparing two spellings. */
    public static String relaxed(String property) {
        return property.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }
}
