package io.samokoder.engine;

import io.samokoder.engine.yaml.YamlDocument;
import io.samokoder.engine.yaml.YamlLoader;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * What a rule sees: the workspace, the configuration, and caches so that each file is parsed once and each shared
 * model (compose project, Prometheus configs, Markdown documents, migration graph) is built once for all rules.
 * Thread-safe: rules run in parallel.
 */
public final class AuditContext {

    private final Workspace workspace;
    private final AuditConfig config;
    private final Map<Object, FutureTask<Object>> cache = new ConcurrentHashMap<>();
    private volatile Integer measuredScore;

    public AuditContext(Workspace workspace, AuditConfig config) {
        this.workspace = workspace;
        this.config = config;
    }

    public Workspace workspace() {
        return workspace;
    }

    public AuditConfig config() {
        return config;
    }

    /** The file parsed as YAML, once. */
    public YamlDocument yaml(SourceFile file) {
        return parsed(file, YamlDocument.class, f -> YamlLoader.load(f.path(), workspace.text(f).orElse("\0")));
    }

    /**
     * The file parsed as YAML for a reader that no other reader shares (settings of an application config): the
     * cached document when another reader parsed it already, else a parse of {@code text} that is not cached, so
     * that the YAML trees of a large tree's configs do not stay in memory for the whole audit.
     */
    public YamlDocument yamlUnshared(SourceFile file, String text) {
        if (cache.containsKey(new FileKey(file, YamlDocument.class))) {
            return yaml(file);
        }
        return YamlLoader.load(file.path(), text);
    }

    /**
     * A per-file parse result, computed once per (file, type). Parsers must not throw on bad input; if one does, the
     * exception reaches the rule that asked, which the engine turns into a {@code config/check-failed} finding.
     */
    public <T> T parsed(SourceFile file, Class<T> type, Function<SourceFile, T> parser) {
        return compute(new FileKey(file, type), () -> parser.apply(file), type);
    }

    /** A shared model built once from the whole workspace, e.g. {@code ComposeProject.of(ctx)}. */
    public <T> T model(Class<T> type, Function<AuditContext, T> factory) {
        return compute(type, () -> factory.apply(this), type);
    }

    private <T> T compute(Object key, java.util.concurrent.Callable<T> callable, Class<T> type) {
        FutureTask<Object> task = cache.get(key);
        if (task == null) {
            @SuppressWarnings("unchecked")
            FutureTask<Object> created = new FutureTask<>((java.util.concurrent.Callable<Object>) callable);
            task = cache.putIfAbsent(key, created);
            if (task == null) {
                task = created;
                created.run();
            }
        }
        try {
            return type.cast(task.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** The total score of every rule that does not itself compare against the score; set before those rules run. */
    public OptionalInt measuredScore() {
        Integer s = measuredScore;
        return s == null ? OptionalInt.empty() : OptionalInt.of(s);
    }

    /** Set by the auditor between the two passes; rules only read it. */
    public void measuredScore(int value) {
        this.measuredScore = value;
    }

    public Optional<SourceFile> file(String path) {
        return workspace.file(path);
    }

    /**
     * The file itself, not its path: two names that are not valid UTF-8 can show as the same path, and one file's
     * parse must never stand for the other's. Written out: a record's generated {@code equals} and {@code hashCode}
     * are linked through method handles on their first call, which a cold audit pays on its critical path (every
     * rule's first parse comes through here).
     */
    private record FileKey(SourceFile file, Class<?> type) {
        @Override
        public boolean equals(Object o) {
            return o instanceof FileKey k && k.file == file && k.type == type;
        }

        @Override
        public int hashCode() {
            return 31 * file.path().hashCode() + type.hashCode();
        }
    }
}
