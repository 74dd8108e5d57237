package io.samokoder.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the report files a run is asked to write before it audits anything (issue 25, F14): two outputs on one path
 * would keep one silently, and an output inside the audited folder would overwrite a file of the repository, unless
 * it lies in a build folder ({@code target/}, {@code build/}, or one the build names), which holds generated files.
 * Inside the audited folder no folder on the way may be a symbolic link: the repository decides what those are, and a
 * committed {@code target -> /somewhere} must not carry a report out of the tree.
 */
public final class OutputPaths {

    /** Build folders of any project, relative to the audited folder. */
    public static final List<String> BUILD_FOLDERS = List.of("target", "build");

    private OutputPaths() {
    }

    /**
     * @param root    the audited folder
     * @param builds  further build folders (absolute, or relative to the working directory), such as Maven's
     * @param outputs each output's name as the user gave it ({@code --sarif}) and its path; null paths are skipped
     * @throws AuditException one line per problem
     */
    public static void check(Path root, Collection<Path> builds, Map<String, Path> outputs) {
        Path lexicalRoot = root.toAbsolutePath().normalize();
        Path realRoot = real(lexicalRoot);
        Map<Path, String> seen = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        outputs.forEach((name, path) -> {
            if (path == null) {
                return;
            }
            Path lexical = path.toAbsolutePath().normalize();
            Path resolved = real(lexical);
            String other = seen.putIfAbsent(resolved, name);
            if (other != null) {
                errors.add(other + " and " + name + " both name " + shown(path) + ": each output needs its own file");
                return;
            }
            Path base = lexical.startsWith(lexicalRoot) ? lexicalRoot : resolved.startsWith(realRoot) ? realRoot : null;
            if (base == null) {
                return;
            }
            Path inside = base == lexicalRoot ? lexical : resolved;
            Path link = firstLink(base, inside);
            Path relative = base.relativize(inside);
            boolean inBuild = relative.getNameCount() > 1 && BUILD_FOLDERS.contains(relative.getName(0).toString())
                    || builds.stream().map(b -> real(b.toAbsolutePath().normalize()))
                    .anyMatch(b -> resolved.startsWith(b) && !resolved.equals(b) && !b.equals(realRoot));
            if (link != null) {
                errors.add(name + " " + shown(path) + " lies inside the audited folder behind the symbolic link "
                        + shown(base.relativize(link)) + ": write it outside the folder or under a build folder that"
                        + " is no link");
            } else if (!inBuild) {
                errors.add(name + " " + shown(path) + " lies inside the audited folder, outside its build folders"
                        + " (target/, build/): it would overwrite a file of the repository; write it under target/"
                        + " or outside the folder");
            }
        });
        if (!errors.isEmpty()) {
            throw new AuditException(String.join("\n", errors));
        }
    }

    /** The path with every link of its existing part resolved; the part that does not exist yet as written. */
    private static Path real(Path p) {
        Path existing = p;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return p;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(p));
        } catch (IOException e) {
            return p;
        }
    }

    private static Path firstLink(Path base, Path p) {
        Path at = base;
        for (Path name : base.relativize(p)) {
            at = at.resolve(name);
            if (Files.isSymbolicLink(at)) {
                return at;
            }
        }
        return null;
    }

    private static String shown(Path p) {
        return LineEscape.visible(p.toString());
    }
}
