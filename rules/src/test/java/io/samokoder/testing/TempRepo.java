package io.samokoder.testing;

import io.samokoder.engine.AuditConfig;
import io.samokoder.engine.AuditContext;
import io.samokoder.engine.Workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A small repository written into a temporary folder for model and rule tests. */
public final class TempRepo {

    private final Path root;
    private AuditConfig config;

    public TempRepo(Path root) {
        this.root = root;
        this.config = AuditConfig.forRoot(root);
    }

    public TempRepo file(String path, String text) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TempRepo bytes(String path, byte[] data) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.write(p, data);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TempRepo environment(Map<String, String> env) {
        config.environment(env);
        return this;
    }

    public TempRepo option(String key, String value) {
        config.option(key, value);
        return this;
    }

    public Path root() {
        return root;
    }

    public AuditConfig config() {
        return config;
    }

    public AuditContext context() {
        try {
            return new AuditContext(Workspace.scan(root), config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
