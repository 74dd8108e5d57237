package io.samokoder.model.settings;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * GitHub Actions whose documented inputs take the NAME of an environment variable rather than a value: the action
 * writes {@code ${env.NAME}} into a generated file and the step's {@code env:} supplies the value. Such an input's
 * text ({@code server-password: MAVEN_PASSWORD}) is never a secret.
 */
final class ActionInputs {

    /** Action (owner/name, lower case) to its inputs documented as "Environment variable name for …". */
    private static final Map<String, Set<String>> VARIABLE_NAME_INPUTS = Map.of(
            // action.yml of actions/setup-java: written into settings.xml as ${env.NAME}
            "actions/setup-java", Set.of("server-username", "server-password", "gpg-passphrase"));

    private ActionInputs() {
    }

    /**
     * The inputs of the action a step {@code uses} ({@code actions/setup-java@v4}, a commit or a branch after the
     * {@code @}) that name environment variables; empty for other actions, local actions and docker images.
     */
    static Set<String> variableNameInputs(String uses) {
        if (uses == null) {
            return Set.of();
        }
        String u = uses.strip();
        int at = u.indexOf('@');
        String action = (at < 0 ? u : u.substring(0, at)).toLowerCase(Locale.ROOT);
        return VARIABLE_NAME_INPUTS.getOrDefault(action, Set.of());
    }
}
