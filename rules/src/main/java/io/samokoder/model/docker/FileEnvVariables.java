package io.samokoder.model.docker;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables a shell script (an image's entrypoint) sets from the file that {@code X_FILE} names, so that a
 * deployment can pass a secret as a file ({@code POSTGRES_PASSWORD_FILE=/run/secrets/db_password}): a script that
 * names {@code $X_FILE} itself, or one that calls {@code file_env X}, a function of the script that reads
 * {@code ${var}_FILE} (the official images' idiom). Shared per file: {@link #of(AuditContext, SourceFile)}.
 */
public final class FileEnvVariables {

    private static final int MAX_TEXT = 512 * 1024;
    private static final Pattern NAMED = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]{0,100})_FILE\\b");
    private static final Pattern FUNCTION = Pattern.compile(
            "(?m)^[ \\t]*(?:function[ \\t]+)?([A-Za-z_][A-Za-z0-9_]{0,100})[ \\t]*\\(\\)[ \\t]*\\{?[ \\t]*$");
    private static final Pattern FUNCTION_END = Pattern.compile("(?m)^[ \\t]*}[ \\t]*$");

    private final Set<String> variables;

    private FileEnvVariables(Set<String> variables) {
        this.variables = Set.copyOf(variables);
    }

    public static FileEnvVariables of(AuditContext ctx, SourceFile file) {
        return ctx.parsed(file, FileEnvVariables.class, f -> parse(f.size() > MAX_TEXT ? ""
                : ctx.workspace().text(f).orElse("")));
    }

    static FileEnvVariables parse(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (!text.contains("_FILE")) {
            return new FileEnvVariables(out);
        }
        Matcher named = NAMED.matcher(text);
        while (named.find()) {
            out.add(named.group(1));
        }
        Matcher fn = FUNCTION.matcher(text);
        while (fn.find()) {
            Matcher end = FUNCTION_END.matcher(text);
            int close = end.find(fn.end()) ? end.start() : text.length();
            String body = text.substring(fn.end(), close);
            // a function that builds the file variable's name from its argument: "${var}_FILE", "${1}_FILE"
            if (!body.contains("}_FILE")) {
                continue;
            }
            Matcher call = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(fn.group(1))
                    + "[ \\t]+[\"']?([A-Za-z_][A-Za-z0-9_]{0,100})[\"']?(?=[\\s;]|$)").matcher(text);
            while (call.find()) {
                out.add(call.group(1));
            }
        }
        return new FileEnvVariables(out);
    }

    /** Whether the script reads {@code variable} from the file {@code variable_FILE} names. */
    public boolean readsFromFile(String variable) {
        return variables.contains(variable);
    }
}
