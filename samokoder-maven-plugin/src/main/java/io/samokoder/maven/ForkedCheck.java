package io.samokoder.maven;

import io.samokoder.engine.AuditException;
import io.samokoder.engine.LineEscape;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * The audit JVM's entry point: {@code check} with the parameters {@link CheckSettings#toArgs()} wrote. It prints one
 * line per message, a letter for its kind first ({@code I}nfo, {@code W}arning, {@code R}aw; then the verdict:
 * {@code P}assed, {@code V}iolation reported, {@code F}ail the build, or {@code E}rror), line breaks escaped
 * ({@link LineEscape}), and
 * {@link AuditFork} replays them into Maven's log.
 */
public final class ForkedCheck {

    /** The kinds of line, in the order above. */
    static final String KINDS = "IWRPVFE";

    static final int OK = 0;
    static final int ERROR = 2;
    static final int INTERNAL_ERROR = 3;

    private ForkedCheck() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        int code = check(lines -> CheckRun.run(CheckSettings.fromArgs(args), lines), out);
        out.flush();
        System.exit(code);
    }

    /**
     * Runs an audit that prints through the line protocol into {@code out}, then its verdict or error line; returns
     * the exit code. Shared with {@link AuditDaemon}, which serves the same lines over a socket.
     */
    static int check(Function<CheckRun.Output, CheckRun.Verdict> audit, PrintStream out) {
        try {
            CheckRun.Verdict verdict = audit.apply(lines(out));
            emit(out, verdict.passed() ? 'P' : verdict.failsBuild() ? 'F' : 'V', verdict.message());
            return OK;
        } catch (AuditException | IllegalArgumentException e) {
            emit(out, 'E', e.getMessage());
            return ERROR;
        } catch (Throwable e) { // a bug: the trace goes to the error stream, the build fails with one line
            e.printStackTrace();
            emit(out, 'E', "internal error: " + e);
            return INTERNAL_ERROR;
        }
    }

    private static CheckRun.Output lines(PrintStream out) {
        return new CheckRun.Output() {
            @Override
            public void info(String line) {
                emit(out, 'I', line);
            }

            @Override
            public void warn(String line) {
                emit(out, 'W', line);
            }

            @Override
            public void raw(String line) {
                emit(out, 'R', line);
            }
        };
    }

    static void emit(PrintStream out, char kind, String text) {
        out.print(kind);
        out.print(' ');
        out.print(LineEscape.escape(text));
        out.print('\n');
    }
}
