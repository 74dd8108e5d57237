package io.samokoder.rules.secrets;

import io.samokoder.engine.SourceFile;
import io.samokoder.model.settings.Setting;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The environment pytest-env sets for a test run: {@code [tool.pytest_env]} in {@code pyproject.toml}, and the
 * {@code env =} lines of pytest's own section ({@code [pytest]} in {@code pytest.ini}/{@code tox.ini},
 * {@code [tool:pytest]} in {@code setup.cfg}, {@code [tool.pytest.ini_options]} in {@code pyproject.toml}). pytest
 * applies them to the test process only; no deployment reads them.
 */
final class PytestEnv {

    private static final Set<String> PYTEST_INI = Set.of("pytest.ini", ".pytest.ini", "tox.ini", "setup.cfg",
            "pyproject.toml");
    private static final Set<String> PYTEST_SECTIONS = Set.of("pytest", "tool:pytest", "tool.pytest.ini_options");

    private PytestEnv() {
    }

    /** Whether the setting is a value pytest-env sets for the test run. */
    static boolean isTestRunValue(SourceFile file, Setting s) {
        String name = file.name().toLowerCase(Locale.ROOT);
        List<String> parents = s.parents();
        if (!PYTEST_INI.contains(name) || parents.size() != 1) {
            return false;
        }
        String section = parents.get(0).strip();
        if (name.equals("pyproject.toml") && (section.equals("tool.pytest_env")
                || section.startsWith("tool.pytest_env."))) {
            return true;
        }
        return PYTEST_SECTIONS.contains(section);
    }
}
