/**
 * The {@code name = value} settings of every configuration file (compose and other YAML, dotenv, shell, INI,
 * properties, TOML, Dockerfiles, code defaults), parsed once per file and shared by the checks that judge values.
 */
package io.samokoder.model.settings;
