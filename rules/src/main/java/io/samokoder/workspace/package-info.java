/**
 * File input helpers that depend on nothing else in the project: which kind a file is
 * ({@link io.samokoder.workspace.FileKinds}), template syntax ({@link io.samokoder.workspace.Templates}), bounded reads
 * ({@link io.samokoder.workspace.BoundedFiles}), line offsets ({@link io.samokoder.workspace.LineIndex}) and escaping
 * of untrusted text in one-line messages ({@link io.samokoder.workspace.LineEscape}). The workspace itself and its
 * source files are part of the rule SPI ({@code io.samokoder.engine}), which rules receive them through.
 */
package io.samokoder.workspace;
