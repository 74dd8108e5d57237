/**
 * The compose model shared by every check that reads docker-compose files.
 *
 * <p>Entry point: {@code ComposeProject.of(ctx)}. Stable public API:
 * <ul>
 *   <li>{@link io.samokoder.model.compose.ComposeProject}: {@code stacks()}, {@code services()}, {@code files()},
 *       {@code file(path)}, {@code stackOf(composePath)}, {@code servicesMounting(repoPath)}, {@code problems()},
 *       {@code inputs()}; per-file parse {@code ComposeProject.file(ctx, sourceFile)}.</li>
 *   <li>{@link io.samokoder.model.compose.ComposeStack}: one compose project (a folder's files and their includes),
 *       {@code services()}, {@code defaultServices()}, {@code resolveHost(name)}.</li>
 *   <li>{@link io.samokoder.model.compose.ComposeService}: every field with its {@link io.samokoder.model.Location};
 *       {@code repositoryPathAt(containerPath)}, {@code mountAt(containerPath)}, {@code configFileArgument()},
 *       {@code commandOption(flag)}, {@code dnsNames()}, {@code effectiveNetworks()}.</li>
 *   <li>{@link io.samokoder.model.compose.ComposeValue}: raw text, resolved text, location and the
 *       {@link io.samokoder.model.dotenv.Interpolation.Reference}s evaluated (name, operator, default, set or not).</li>
 *   <li>{@link io.samokoder.model.dotenv.Interpolation}: compose-spec interpolation of any string.</li>
 *   <li>{@link io.samokoder.model.compose.ComposeInvocations}: where the repository runs compose (scripts, Makefiles,
 *       workflows, documented commands), with which files and variables, and which steps write env files;
 *       {@code sourceOf(ctx, project, file, variable)} says whether a variable the {@code .env} lacks is set by them.
 *       Entry point {@code ComposeInvocations.of(ctx)}.</li>
 *   <li>{@link io.samokoder.model.compose.ComposeDocuments}: which YAML files are compose files, by name or by
 *       content (overlays such as {@code prometheus.yml} holding {@code services:}).</li>
 *   <li>{@link io.samokoder.model.compose.ImageCatalog}: what well-known images run and their default ports (data
 *       table {@code image-ports.tsv}).</li>
 * </ul>
 * Nothing here throws on bad input; problems are data ({@link io.samokoder.model.compose.ComposeProblem}).
 */
package io.samokoder.model.compose;
