package io.samokoder.model.migrations;

/** Test access to Flyway's default naming settings. */
final class FlywayProjectSettingsAccess {
    FlywayProject.Settings defaults() {
        return FlywayProject.Settings.DEFAULT;
    }
}
