/**
 * Reporters: the audit result written as console lines, JSON, SARIF, JUnit XML, Markdown, HTML and GitHub
 * annotations, and the rule reference ({@code docs/rules.md}).
 */
package io.samokoder.report;
