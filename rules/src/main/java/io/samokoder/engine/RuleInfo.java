package io.samokoder.engine;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one place a rule's metadata lives (in the manner of Error Prone's {@code @BugPattern}): the SARIF rule table,
 * the generated rule reference and the findings all read it from here.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleInfo {
    /** Stable id, {@code category/kebab-name}. Never renamed: baselines and suppressions refer to it. */
    String id();

    Category category();

    Severity severity();

    /** One line: what the rule finds. */
    String summary();

    /** What to do about a finding. */
    String remediation();

    /** Longer explanation for the rule reference; optional. */
    String description() default "";
}
