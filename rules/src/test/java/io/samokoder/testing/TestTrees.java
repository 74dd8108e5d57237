package io.samokoder.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies fixture trees into temporary folders so that tests can change them. */
public final class TestTrees {

    private TestTrees() {
    }

    public static Path copy(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }
}
