/**
 * Orchestration of one audit: the registered rules ({@link io.samokoder.audit.RuleRegistry}) run by the
 * {@link io.samokoder.audit.Auditor}, then suppressions, fingerprints, the baseline, the readiness score and the
 * gate, giving an {@link io.samokoder.audit.AuditResult}. Reporters read the result; the service in
 * {@code io.samokoder.run} drives both. Rules never depend on this package.
 */
package io.samokoder.audit;
