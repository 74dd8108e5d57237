package io.samokoder.rules.secrets;

import io.samokoder.engine.AuditContext;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Values the project declares harmless: the regexes of the option {@value #OPTION} (one per line; in
 * {@code .samokoder.yml} the list {@code secrets: {allowValues: [...]}}), as gitleaks' and secretlint's allowlists
 * do, for known dummy values in test fixtures. A value any of them finds is never reported by a secrets check.
 */
final class SecretsAllowlist {

    static final String OPTION = "secrets.allowValues";

    /** Declared by every secrets rule that consults the allowlist. */
    static final io.samokoder.engine.RuleOption ALLOW_VALUES = io.samokoder.engine.RuleOption.of(OPTION,
            io.samokoder.engine.RuleOption.Type.REGEX_LIST, "", "Regular expressions of values the secrets checks"
                    + " never report (known dummy values of test fixtures); in .samokoder.yml also"
                    + " `secrets: {allowValues: [...]}`.");

    private final List<Pattern> patterns;

    private SecretsAllowlist(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    static SecretsAllowlist of(AuditContext context) {
        return context.model(SecretsAllowlist.class, ctx -> parse(ctx.config().optionOr(OPTION, "")));
    }

    /** One regex per line; a regex that does not compile is left out (the configuration file reports it). */
    static SecretsAllowlist parse(String option) {
        List<Pattern> out = new ArrayList<>();
        for (String line : option.split("\n")) {
            if (!line.isBlank()) {
                try {
                    out.add(Pattern.compile(line.strip()));
                } catch (PatternSyntaxException e) {
                    // ConfigFile rejects it with its line; -O on the command line is the CI owner's own input
                }
            }
        }
        return new SecretsAllowlist(List.copyOf(out));
    }

    boolean allows(String value) {
        for (Pattern p : patterns) {
            if (p.matcher(value).find()) {
                return true;
            }
        }
        return false;
    }
}
