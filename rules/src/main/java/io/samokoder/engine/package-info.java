/**
 * The rule SPI: what every rule imports to judge a repository. {@link io.samokoder.engine.Rule} and its
 * {@link io.samokoder.engine.RuleInfo} metadata, {@link io.samokoder.engine.Finding} reported into a
 * {@link io.samokoder.engine.FindingSink}, the {@link io.samokoder.engine.AuditContext} (the
 * {@link io.samokoder.engine.Workspace} of {@link io.samokoder.engine.SourceFile}s, the configuration, shared parses
 * and models), {@link io.samokoder.engine.Category} and {@link io.samokoder.engine.Severity}.
 *
 * <p>Layers, each depending only on those before it (checked by {@code LayoutTest}): {@code workspace} (file input
 * helpers) &lt; {@code engine} (this SPI) and {@code engine.yaml} &lt; {@code model.*} &lt; {@code rules.*};
 * {@code engine} &lt; {@code audit} (running the rules, suppressions, baseline, score, gate) &lt; {@code report}
 * &lt; {@code run} (the service the CLI and the Maven goals call).
 */
package io.samokoder.engine;
