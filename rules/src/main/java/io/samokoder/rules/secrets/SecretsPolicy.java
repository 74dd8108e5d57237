package io.samokoder.rules.secrets;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.FileKinds;
import io.samokoder.engine.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a file sits in the deployment, for severities: local-development files (the option {@value #OPTION}, globs
 * separated by commas, replaces {@link #DEFAULT_LOCAL}) get low severity for weak values, CI workflows medium,
 * everything else (compose, {@code .env.production}, application configs, scripts) high.
 */
public final class SecretsPolicy {

    public static final String OPTION = "secrets.localPaths";
    public static final String DEFAULT_LOCAL = "**/docker-compose.dev.*,**/docker-compose.local.*,"
            + "**/docker-compose.test.*,**/compose.dev.*,**/compose.local.*,**/compose.test.*,**/*.dev.yml,"
            + "**/*.dev.yaml,**/.env.development,**/.env.dev,**/.env.test,**/.env.testing,**/.env.ci,"
            + "**/test/**,**/tests/**,**/__tests__/**,**/spec/**,**/testdata/**,**/test-data/**,**/e2e/**,"
            + "**/src/test/**,**/fixtures/**,**/examples/**";
    public static final io.samokoder.engine.RuleOption LOCAL_PATHS = io.samokoder.engine.RuleOption.of(OPTION,
            io.samokoder.engine.RuleOption.Type.LIST, DEFAULT_LOCAL, "Globs of local-development files, where weak"
                    + " values are low and committed env files too; replaces the default list.");

    private final List<Pattern> local;
    private final java.util.Map<String, Boolean> isLocal = new java.util.concurrent.ConcurrentHashMap<>();

    private SecretsPolicy(List<Pattern> local) {
        this.local = local;
    }

    public static SecretsPolicy of(AuditContext context) {
        return context.model(SecretsPolicy.class,
                ctx -> new SecretsPolicy(compile(ctx.config().optionOr(OPTION, DEFAULT_LOCAL))));
    }

    static SecretsPolicy of(String globs) {
        return new SecretsPolicy(compile(globs));
    }

    static List<Pattern> compile(String globs) {
        List<Pattern> out = new ArrayList<>();
        for (String g : globs.split(",")) {
            String glob = g.strip();
            if (!glob.isEmpty()) {
                out.add(Pattern.compile(globToRegex(glob)));
            }
        }
        return out;
    }

    /** {@code **}{@code /} any folders (or none), {@code **} anything, {@code *} within a segment, {@code ?} one char. */
    static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        String g = glob.startsWith("/") ? glob.substring(1) : glob;
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*') {
                if (i + 1 < g.length() && g.charAt(i + 1) == '*') {
                    if (i + 2 < g.length() && g.charAt(i + 2) == '/') {
                        sb.append("(?:.*/)?");
                        i += 2;
                    } else {
                        sb.append(".*");
                        i++;
                    }
                } else {
                    sb.append("[^/]*");
                }
            } else if (c == '?') {
                sb.append("[^/]");
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }

    public boolean isLocal(String path) {
        // asked once per setting: many per file
        return isLocal.computeIfAbsent(path, p -> local.stream().anyMatch(glob -> glob.matcher(p).matches()));
    }

    /** Severity of a weak value at this path. */
    public Severity weakValueSeverity(String path) {
        if (isLocal(path)) {
            return Severity.LOW;
        }
        if (FileKinds.isCi(path)) {
            return Severity.MEDIUM;
        }
        return Severity.HIGH;
    }
}
