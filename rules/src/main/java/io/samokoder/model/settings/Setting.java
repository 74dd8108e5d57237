package io.samokoder.model.settings;

import java.util.List;

/**
 * One {@code name = value} pair found in a file: an environment entry, a dotenv line, a shell assignment, an INI,
 * properties or TOML key, a YAML mapping entry, a code default. {@code value} is the value as the tool reading the
 * file sees it (quotes removed), {@code line}/{@code column} point at its start, and {@code scope} groups pairs that
 * belong together (one mapping, one file) so that a password can be compared with its user name. In YAML files
 * {@code parents} are the mapping keys above the pair, outermost first ({@code [jobs, test, services, postgres, env]}
 * for a GitHub Actions service container); empty elsewhere.
 */
public record Setting(String name, String value, int line, int column, String scope, List<String> parents) {

    public Setting {
        parents = List.copyOf(parents);
    }

    public Setting(String name, String value, int line, int column, String scope) {
        this(name, value, line, column, scope, List.of());
    }
}
