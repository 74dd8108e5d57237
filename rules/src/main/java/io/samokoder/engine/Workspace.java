package io.samokoder.engine;

import io.samokoder.i18n.Text;
import io.samokoder.workspace.BoundedFiles;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.eclipse.jgit.ignore.IgnoreNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * The repository as rules see it: one walk of the tree honouring {@code .gitignore} files (nested ones too, with
 * git's semantics through JGit's {@link IgnoreNode}), {@code .git/info/exclude} and configured excludes (same
 * syntax). Symbolic links are never followed into directories (no loops) and never to targets outside the tree.
 * Files above the size limit are listed but not audited. Content is read lazily by {@link SourceFile}.
 */
public final class Workspace {

    public static final long DEFAULT_MAX_FILE_SIZE = 5L * 1024 * 1024;

    /**
     * Ignore patterns a path is tested against at most: those of {@code .git/info/exclude} and of the
     * {@code .gitignore} files of its folders together. Every path of the walk is tested against them, so a
     * {@code .gitignore} of a million patterns would make the walk's time the product of the two; a file that would
     * pass this is not applied (and said so). Real repositories stay far below it (the largest of the corpus's 73
     * {@code .gitignore} files has 238 patterns).
     */
    public static final int MAX_IGNORE_PATTERNS = 5_000;

    private final Path root;
    private final List<SourceFile> files;
    private final Map<String, SourceFile> byPath;
    private final TreeSet<String> allFiles;
    private final TreeSet<String> allDirs;
    private final CaseIndex byLowerCase;
    private final List<Skipped> skipped;

    /** A file or link the walk did not audit, and why; reported as an info finding. */
    public record Skipped(String path, String reason, Text text) {

        Skipped(String path, Text text) {
            this(path, text.english(), text);
        }

        /** The text is the reason in other languages: equal reasons are equal skips. */
        @Override
        public boolean equals(Object o) {
            return o instanceof Skipped other && path.equals(other.path) && reason.equals(other.reason);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(path, reason);
        }
    }

    private Workspace(Path root, List<SourceFile> files, TreeSet<String> allFiles, TreeSet<String> allDirs,
                      List<Skipped> skipped) {
        this.root = root;
        this.files = List.copyOf(files);
        Map<String, SourceFile> map = new HashMap<>();
        for (SourceFile f : files) {
            map.put(f.path(), f);
        }
        this.byPath = map;
        this.allFiles = allFiles;
        this.allDirs = allDirs;
        this.byLowerCase = new CaseIndex(allFiles, allDirs);
        this.skipped = List.copyOf(skipped);
    }

    private Workspace(Workspace full, List<SourceFile> subset) {
        this.root = full.root;
        this.files = List.copyOf(subset);
        this.byPath = full.byPath;
        this.allFiles = full.allFiles;
        this.allDirs = full.allDirs;
        this.byLowerCase = full.byLowerCase;
        this.skipped = full.skipped;
    }

    /**
     * A view for the staged-files mode: {@link #files()} lists only the given paths (those that exist), while
     * {@link #file(String)}, {@link #exists(String)} and the path listings still see the whole repository.
     */
    public Workspace restrictedTo(java.util.Set<String> paths) {
        List<SourceFile> subset = new ArrayList<>();
        for (SourceFile f : files) {
            if (paths.contains(f.path())) {
                subset.add(f);
            }
        }
        return new Workspace(this, subset);
    }

    /** Walks {@code root} with default settings. */
    public static Workspace scan(Path root) throws IOException {
        return scan(root, List.of(), DEFAULT_MAX_FILE_SIZE);
    }

    /**
     * @param excludes    patterns in {@code .gitignore} syntax, relative to the root
     * @param maxFileSize files larger than this are listed but not read
     */
    public static Workspace scan(Path root, List<String> excludes, long maxFileSize) throws IOException {
        Path realRoot = root.toRealPath();
        if (!Files.isDirectory(realRoot)) {
            throw new NoSuchFileException(root.toString(), null, "not a directory");
        }
        Batch found = new Walker(realRoot, excludes, maxFileSize).walk();
        // the folders were walked in parallel, in no fixed order: sorting makes the result the same every time
        found.files.sort(Comparator.comparing(SourceFile::path));
        found.skipped.sort(Comparator.comparing(Skipped::path).thenComparing(Skipped::reason));
        return new Workspace(realRoot, found.files, new TreeSet<>(found.allFiles), new TreeSet<>(found.allDirs),
                found.skipped);
    }

    public Path root() {
        return root;
    }

    /** Files to audit, sorted by path. Binary files are included; ask {@link #isBinary(SourceFile)}. */
    public List<SourceFile> files() {
        return files;
    }

    public Optional<SourceFile> file(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    /** Whether a file or folder exists in the tree (ignored paths do not: they are not in the repository). */
    public boolean exists(String path) {
        String p = normalize(path);
        return p.isEmpty() || allFiles.contains(p) || allDirs.contains(p);
    }

    public boolean isDirectory(String path) {
        String p = normalize(path);
        return p.isEmpty() || allDirs.contains(p);
    }

    /** Every non-ignored file path, including those too large or excluded from auditing. */
    public Collection<String> allFilePaths() {
        return Collections.unmodifiableSet(allFiles);
    }

    /** Every non-ignored file path inside {@code dir} (at any depth; the whole tree for {@code ""}), sorted. */
    public java.util.SortedSet<String> filePathsUnder(String dir) {
        String d = normalize(dir);
        // "a/b/" up to "a/b0": '0' follows '/' in UTF-16, so the range holds exactly the paths starting with "a/b/"
        return d.isEmpty() ? Collections.unmodifiableSortedSet(allFiles)
                : Collections.unmodifiableSortedSet(allFiles.subSet(d + "/", d + "0"));
    }

    public Collection<String> allDirectoryPaths() {
        return Collections.unmodifiableSet(allDirs);
    }

    /** Existing paths equal to {@code path} ignoring letter case. */
    public List<String> caseInsensitiveMatches(String path) {
        return byLowerCase.get().getOrDefault(normalize(path).toLowerCase(Locale.ROOT), List.of());
    }

    public List<Skipped> skipped() {
        return skipped;
    }

    /** Binary if the first 8000 bytes hold a NUL, as git decides. Reads the file once (the text is kept). */
    public boolean isBinary(SourceFile file) {
        try {
            return file.isBinary();
        } catch (java.io.UncheckedIOException e) {
            return false; // unreadable: text() says so
        }
    }

    /** Text of a file for rules: empty for binary files, never an exception for unreadable ones. */
    public Optional<String> text(SourceFile file) {
        try {
            return file.isBinary() ? Optional.empty() : Optional.of(file.text());
        } catch (java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** {@link SourceFile#scanOnce}: null for a binary file or one that cannot be read, as {@link #text} gives none. */
    public <R> R scanOnce(SourceFile file, SourceFile.TextScan<R> scan) {
        try {
            return file.scanOnce(scan);
        } catch (java.io.UncheckedIOException e) {
            return null;
        }
    }

    /**
     * Normalises {@code a/./b/../c} and leading {@code ./} of a {@code /}-separated path. A backslash is part of a
     * name, as on the systems the audited files are deployed to (a folder may be called {@code a\b}).
     */
    public static String normalize(String path) {
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                    parts.remove(parts.size() - 1);
                } else {
                    parts.add("..");
                }
            } else {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    /**
     * Paths by their lower-case spelling, built on first use: only the docs checks ask, and built with the workspace
     * it was 10-15 ms of the single-threaded part of every audit of a 20,000-file tree.
     */
    private static final class CaseIndex {
        private final TreeSet<String> files;
        private final TreeSet<String> dirs;
        private volatile Map<String, List<String>> index;

        CaseIndex(TreeSet<String> files, TreeSet<String> dirs) {
            this.files = files;
            this.dirs = dirs;
        }

        Map<String, List<String>> get() {
            Map<String, List<String>> built = index;
            if (built == null) {
                synchronized (this) {
                    built = index;
                    if (built == null) {
                        built = build();
                        index = built;
                    }
                }
            }
            return built;
        }

        private Map<String, List<String>> build() {
            // one immutable single-element list per path: an ArrayList each cost a 100k-file tree 8 MB
            Map<String, List<String>> lower = new HashMap<>();
            for (TreeSet<String> paths : List.of(files, dirs)) {
                for (String p : paths) {
                    lower.merge(p.toLowerCase(Locale.ROOT), List.of(p), (a, b) -> {
                        List<String> both = new ArrayList<>(a);
                        both.addAll(b);
                        return List.copyOf(both);
                    });
                }
            }
            return lower;
        }
    }

    /** Whether the JVM decodes file names as UTF-8 (with replacement), as the repository paths are shown. */
    private static final boolean UTF8_NAMES = java.nio.charset.StandardCharsets.UTF_8.name().equalsIgnoreCase(
            System.getProperty("sun.jnu.encoding", java.nio.charset.StandardCharsets.UTF_8.name()));

    /**
     * A file name as the repository path shows it: its bytes decoded as UTF-8, invalid sequences replaced by U+FFFD.
     * A JVM that decodes names in another encoding (a POSIX locale: ASCII) gets the bytes from the path's URI, which
     * spells them as they are.
     */
    static String displayName(Path entry, String name) {
        if (UTF8_NAMES || isAscii(name)) {
            return name;
        }
        try {
            String uri = entry.toAbsolutePath().toUri().getRawPath();
            int end = uri.endsWith("/") ? uri.length() - 1 : uri.length();
            String last = uri.substring(uri.lastIndexOf('/', end - 1) + 1, end);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(last.length());
            for (int i = 0; i < last.length(); i++) {
                char c = last.charAt(i);
                if (c == '%' && i + 2 < last.length()) {
                    bytes.write(Integer.parseInt(last.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    bytes.write(c);
                }
            }
            return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return name; // the JVM's own decoding
        }
    }

    /** Whether {@code dir} resolved with {@code name} is {@code entry}: the name spells the file's bytes. */
    private static boolean spells(Path dir, String name, Path entry) {
        if (isAscii(name)) {
            return true;
        }
        try {
            return dir.resolve(name).equals(entry);
        } catch (java.nio.file.InvalidPathException e) {
            return false; // not expressible in the JVM's file-name encoding
        }
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** What a walk found under some folders; batches of folders walked in parallel are joined. */
    private static final class Batch {
        final List<SourceFile> files = new ArrayList<>();
        final List<String> allFiles = new ArrayList<>();
        final List<String> allDirs = new ArrayList<>();
        final List<Skipped> skipped = new ArrayList<>();

        void add(Batch other) {
            files.addAll(other.files);
            allFiles.addAll(other.allFiles);
            allDirs.addAll(other.allDirs);
            skipped.addAll(other.skipped);
        }
    }

    /**
     * Walks the tree on both cores, a folder at a time: listing a folder costs one {@code lstat} per entry, and on
     * a 20,000-file tree the walk was a tenth of the secrets audit's time with the second core idle. A folder is
     * entered as {@link Files#walkFileTree} would (opened first, then tested for ignore rules and its
     * {@code .gitignore} read), so a folder's ignore rules are known before any of its entries is tested.
     */
    private static final class Walker {
        /** Deeper folders are walked in their parent's task, from a work list: forking would grow the stack. */
        private static final int FORK_DEPTH = 24;

        private final Path root;
        private final long maxFileSize;
        private final List<FastIgnoreRule> excludeRules = new ArrayList<>();
        private final IgnoreNode infoExclude;
        private final Map<String, IgnoreNode> ignoreNodes = new ConcurrentHashMap<>();
        private final TextCache texts = new TextCache(TextCache.DEFAULT_BUDGET);

        Walker(Path root, List<String> excludes, long maxFileSize) {
            this.root = root;
            this.maxFileSize = maxFileSize;
            for (String e : excludes) {
                if (e != null && !e.isBlank()) {
                    excludeRules.add(new FastIgnoreRule(e.trim()));
                }
            }
            infoExclude = infoExclude(root.resolve(".git/info/exclude"), maxFileSize);
        }

        /** The patterns of {@code .git/info/exclude}: none if it is unreadable, too large or has too many. */
        private static IgnoreNode infoExclude(Path info, long maxFileSize) {
            IgnoreNode node = new IgnoreNode();
            if (Files.isRegularFile(info, LinkOption.NOFOLLOW_LINKS)) {
                try (InputStream in = new java.io.ByteArrayInputStream(BoundedFiles.read(info, maxFileSize, true))) {
                    node.parse(in);
                } catch (IOException ignored) {
                    // an unreadable exclude file excludes nothing
                }
            }
            return node.getRules().size() <= MAX_IGNORE_PATTERNS ? node : new IgnoreNode();
        }

        /**
         * In a pool of its own, one thread per core. Invoked from the caller's thread the root task would run there,
         * and a thread outside a pool that joins a subtask a pool thread took waits for it instead of taking other
         * work: on two cores each thread then sat idle about half the walk.
         */
        Batch walk() {
            ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
            try {
                return pool.invoke(new Folders(new Folder(root, "", 0, true, infoExclude.getRules().size())));
            } finally {
                pool.shutdown();
            }
        }

        /**
         * @param faithful whether {@code root.resolve(rel)} is this folder: false below a name whose bytes the
         *                 repository path cannot spell (not valid UTF-8), whose files are then read by their own path
         */
        private record Folder(Path dir, String rel, int depth, boolean faithful, int ignorePatterns) {
        }

        /** A folder and, from a work list, its sub-folders below the fork depth; those above it are subtasks. */
        private final class Folders extends RecursiveTask<Batch> {
            private final Folder first;

            Folders(Folder first) {
                this.first = first;
            }

            @Override
            protected Batch compute() {
                Batch batch = new Batch();
                List<Folders> forked = new ArrayList<>();
                ArrayDeque<Folder> work = new ArrayDeque<>();
                work.push(first);
                while (!work.isEmpty()) {
                    for (Folder sub : visit(work.pop(), batch)) {
                        if (sub.depth() < FORK_DEPTH) {
                            forked.add(new Folders(sub));
                        } else {
                            work.push(sub);
                        }
                    }
                }
                invokeAll(forked);
                for (Folders f : forked) {
                    batch.add(f.join());
                }
                return batch;
            }
        }

        /** Lists one folder into {@code batch}; returns its sub-folders to walk. */
        private List<Folder> visit(Folder folder, Batch batch) {
            List<Folder> subs = new ArrayList<>();
            DirectoryStream<Path> entries;
            try {
                entries = Files.newDirectoryStream(folder.dir());
            } catch (IOException e) {
                visitFileFailed(folder.rel(), e, batch);
                return subs;
            }
            try (entries) {
                int patterns = enter(folder, batch);
                if (patterns < 0) {
                    return subs;
                }
                for (Path entry : entries) {
                    String raw = entry.getFileName().toString();
                    String name = displayName(entry, raw);
                    boolean faithful = folder.faithful() && spells(folder.dir(), name, entry);
                    String rel = folder.rel().isEmpty() ? name : folder.rel() + "/" + name;
                    BasicFileAttributes attrs;
                    try {
                        attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    } catch (IOException e) {
                        visitFileFailed(rel, e, batch);
                        continue;
                    }
                    if (attrs.isDirectory()) {
                        subs.add(new Folder(entry, rel, folder.depth() + 1, faithful, patterns));
                    } else {
                        visitFile(entry, rel, faithful, attrs, batch);
                    }
                }
            } catch (IOException | DirectoryIteratorException e) {
                // a folder that fails while being listed: what was listed stands, the rest is said to be unread
                batch.skipped.add(new Skipped(folder.rel().isEmpty() ? "." : folder.rel(),
                        Text.of("engine.skipped.folder", e.getClass().getSimpleName())));
            }
            return subs;
        }

        /**
         * Whether to walk into a folder (not {@code .git}, not ignored): -1 if not, else the number of ignore patterns
         * its paths are tested against. Reads its {@code .gitignore}, a regular file no larger than the file limit,
         * and applies it unless it would raise that number above {@link #MAX_IGNORE_PATTERNS}.
         */
        private int enter(Folder folder, Batch batch) {
            String rel = folder.rel();
            if (!rel.isEmpty()) {
                if (folder.dir().getFileName().toString().equals(".git") || isIgnored(rel, true)) {
                    return -1;
                }
                batch.allDirs.add(rel);
            }
            int patterns = folder.ignorePatterns();
            Path gitignore = folder.dir().resolve(".gitignore");
            if (Files.isRegularFile(gitignore, LinkOption.NOFOLLOW_LINKS)) {
                String at = rel.isEmpty() ? ".gitignore" : rel + "/.gitignore";
                IgnoreNode node = new IgnoreNode();
                try (InputStream in = new java.io.ByteArrayInputStream(BoundedFiles.read(gitignore, maxFileSize, true))) {
                    node.parse(in);
                    if (patterns + node.getRules().size() > MAX_IGNORE_PATTERNS) {
                        batch.skipped.add(new Skipped(at, patterns > 0
                                ? Text.of("engine.skipped.ignorePatternsParents", node.getRules().size(), patterns,
                                MAX_IGNORE_PATTERNS)
                                : Text.of("engine.skipped.ignorePatterns", node.getRules().size(),
                                MAX_IGNORE_PATTERNS)));
                    } else {
                        ignoreNodes.put(rel, node);
                        patterns += node.getRules().size();
                    }
                } catch (IOException e) {
                    batch.skipped.add(new Skipped(at, Text.of("engine.skipped.gitignore", ioReason(e))));
                }
            }
            return patterns;
        }

        private void visitFile(Path file, String rel, boolean faithful, BasicFileAttributes attrs, Batch batch) {
            if (attrs.isSymbolicLink()) {
                visitLink(file, rel, batch);
                return;
            }
            if (isIgnored(rel, false)) {
                return;
            }
            if (!attrs.isRegularFile()) {
                // FIFOs, sockets, devices: never opened (reading a FIFO blocks), but said, so the audit is not silent
                batch.skipped.add(new Skipped(rel, Text.of("engine.skipped.special")));
                return;
            }
            batch.allFiles.add(rel);
            if (isExcluded(rel, false)) {
                return;
            }
            if (attrs.size() > maxFileSize) {
                batch.skipped.add(new Skipped(rel, Text.of("engine.skipped.large", maxFileSize, attrs.size())));
                return;
            }
            if (!Files.isReadable(file)) {
                batch.skipped.add(new Skipped(rel, Text.of("engine.skipped.unreadable")));
                return;
            }
            batch.files.add(faithful ? new SourceFile(rel, root, attrs.size(), texts)
                    : SourceFile.at(rel, file, attrs.size(), texts));
        }

        private void visitLink(Path link, String rel, Batch batch) {
            if (isIgnored(rel, false)) {
                return;
            }
            Path target;
            try {
                target = link.toRealPath();
            } catch (FileSystemException e) {
                batch.skipped.add(new Skipped(rel, Text.of("engine.skipped.brokenLink")));
                return;
            } catch (IOException e) {
                batch.skipped.add(new Skipped(rel, Text.of("engine.skipped.unresolvableLink")));
                return;
            }
            if (!target.startsWith(root)) {
                batch.skipped.add(new Skipped(rel, Text.of("engine.skipped.outsideLink")));
                return;
            }
            if (Files.isDirectory(target)) {
                // the target folder is walked on its own; following the link could loop
                batch.allDirs.add(rel);
                return;
            }
            batch.allFiles.add(rel);
            if (!Files.isRegularFile(target) || isExcluded(rel, false)) {
                return;
            }
            try {
                long size = Files.size(target);
                if (size > maxFileSize) {
                    batch.skipped.add(new Skipped(rel, Text.of("engine.skipped.large", maxFileSize, size)));
                } else {
                    batch.files.add(SourceFile.at(rel, target, size, texts));
                }
            } catch (IOException e) {
                batch.skipped.add(new Skipped(rel, Text.of("engine.skipped.unreadable")));
            }
        }

        private void visitFileFailed(String rel, IOException exc, Batch batch) {
            if (!isIgnored(rel, false)) {
                batch.skipped.add(new Skipped(rel, Text.of("engine.skipped.unreadableBecause",
                        exc.getClass().getSimpleName())));
            }
        }

        private boolean isExcluded(String rel, boolean directory) {
            boolean excluded = false;
            for (FastIgnoreRule rule : excludeRules) {
                if (rule.isMatch(rel, directory)) {
                    excluded = rule.getResult();
                }
            }
            return excluded;
        }

        private boolean isIgnored(String rel, boolean directory) {
            if (isExcluded(rel, directory) && directory) {
                return true; // an excluded folder is not walked at all
            }
            // deepest .gitignore first; the first definite answer wins, as in git
            String dir = rel;
            while (true) {
                int slash = dir.lastIndexOf('/');
                dir = slash < 0 ? "" : dir.substring(0, slash);
                IgnoreNode node = ignoreNodes.get(dir);
                if (node != null) {
                    String sub = dir.isEmpty() ? rel : rel.substring(dir.length() + 1);
                    IgnoreNode.MatchResult r = node.isIgnored(sub, directory);
                    if (r == IgnoreNode.MatchResult.IGNORED) {
                        return true;
                    }
                    if (r == IgnoreNode.MatchResult.NOT_IGNORED) {
                        return false;
                    }
                }
                if (dir.isEmpty()) {
                    break;
                }
            }
            return infoExclude.isIgnored(rel, directory) == IgnoreNode.MatchResult.IGNORED;
        }
    }

    /** {@link BoundedFiles#reason}: the operating system's own words are quoted, the tool's are translated. */
    private static Text ioReason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return Text.verbatim(BoundedFiles.reason(e));
        }
        return e instanceof NoSuchFileException ? Text.of("engine.io.notFound") : Text.verbatim(BoundedFiles.reason(e));
    }
}
