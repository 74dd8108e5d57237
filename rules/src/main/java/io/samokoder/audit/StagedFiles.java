package io.samokoder.audit;

import io.samokoder.engine.AuditException;
import io.samokoder.engine.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The changed files of a staged-files run, as repository-relative paths of the audited folder. */
public final class StagedFiles {

    private StagedFiles() {
    }

    /**
     * The files staged for commit under {@code dir}: {@code git diff --cached --name-only --relative} (added, copied,
     * modified, renamed and deleted files), relative to {@code dir}.
     */
    public static List<String> fromGitIndex(Path dir) {
        List<String> command = List.of("git", "-C", dir.toString(), "diff", "--cached", "--name-only", "-z",
                "--relative", "--no-renames", "--diff-filter=ACMD");
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new AuditException("--staged needs git on the PATH: " + e.getMessage());
        }
        try {
            p.getOutputStream().close();
            byte[] out = readAll(p.getInputStream());
            byte[] err = readAll(p.getErrorStream());
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AuditException("git diff --cached did not finish within 30 s");
            }
            if (p.exitValue() != 0) {
                String msg = new String(err, StandardCharsets.UTF_8).strip();
                int nl = msg.indexOf('\n');
                throw new AuditException("git diff --cached failed in " + dir + ": "
                        + (nl < 0 ? msg : msg.substring(0, nl)));
            }
            List<String> files = new ArrayList<>();
            for (String s : new String(out, StandardCharsets.UTF_8).split("\0")) {
                if (!s.isEmpty()) {
                    files.add(Workspace.normalize(s));
                }
            }
            return files;
        } catch (IOException e) {
            throw new AuditException("cannot run git: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditException("interrupted");
        }
    }

    /**
     * File names as a hook passes them (relative to the working directory, or absolute) made relative to the audited
     * folder; files outside it are dropped.
     */
    public static List<String> relativeTo(Path dir, Path workingDir, Collection<String> names) {
        Path root = dir.toAbsolutePath().normalize();
        List<String> out = new ArrayList<>();
        for (String name : names) {
            Path p = workingDir.toAbsolutePath().resolve(name).normalize();
            if (p.startsWith(root) && !p.equals(root)) {
                out.add(root.relativize(p).toString().replace(java.io.File.separatorChar, '/'));
            }
        }
        return out;
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toByteArray();
    }
}
