package io.samokoder.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.Set;

/**
 * Reading a file the audit opens by a name, outside the workspace walk: a baseline, a suppressions file, a
 * {@code .gitignore}, a user's token catalog or dictionary, the link-check cache. Only a regular file is opened (a
 * FIFO blocks whoever opens it; a device or folder is no settings file), and only up to a size limit. Below the
 * audited folder the repository decides what a name is: there no component of the path may be a symbolic link (the
 * file is opened with {@code NOFOLLOW}, its folders checked one by one), as the walk never follows a link out of the
 * tree either. Error messages name the file and the reason, never its content.
 */
public final class BoundedFiles {

    /** A baseline of some 300,000 findings; the files the repository names are bounded by the audit's file limit. */
    public static final long MAX_BASELINE = 64L * 1024 * 1024;

    private BoundedFiles() {
    }

    /**
     * The bytes of {@code file}, at most {@code limit} of them.
     *
     * @param root the audited folder: a path below it is the repository's and is read without following links;
     *             null when the path is the CI owner's alone
     * @throws IOException with a one-line reason: not a regular file, a symbolic link, larger than the limit, or
     *                     unreadable
     */
    public static byte[] read(Path file, long limit, Path root) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        boolean repository = root != null && target.startsWith(root.toAbsolutePath().normalize());
        if (repository) {
            Path base = root.toAbsolutePath().normalize();
            for (Path p = target.getParent(); p != null && p.startsWith(base) && !p.equals(base); p = p.getParent()) {
                if (Files.isSymbolicLink(p)) {
                    throw new FileSystemException(file.toString(), null, "a folder of its path is a symbolic link");
                }
            }
        }
        return read(target, limit, repository);
    }

    /**
     * {@link #read(Path, long, Path)} of a file whose folders are known not to be links (the workspace walk's):
     * {@code noFollow} refuses the file itself if it is a link.
     */
    public static byte[] read(Path target, long limit, boolean repository) throws IOException {
        Path file = target;
        LinkOption[] links = repository ? new LinkOption[]{LinkOption.NOFOLLOW_LINKS} : new LinkOption[0];
        BasicFileAttributes attrs = Files.readAttributes(target, BasicFileAttributes.class, links);
        if (attrs.isSymbolicLink()) {
            throw new FileSystemException(file.toString(), null, "a symbolic link inside the repository");
        }
        if (!attrs.isRegularFile()) {
            throw new FileSystemException(file.toString(), null, attrs.isDirectory() ? "a folder, not a file"
                    : "not a regular file (FIFO, socket or device)");
        }
        if (attrs.size() > limit) {
            throw new FileSystemException(file.toString(), null, "larger than " + limit + " bytes (" + attrs.size()
                    + ")");
        }
        Set<OpenOption> options = repository ? Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)
                : Set.of(StandardOpenOption.READ);
        try (SeekableByteChannel channel = Files.newByteChannel(target, options)) {
            // the size read before opening bounds nothing if the file grows: read at most one byte past the limit
            byte[] bytes = new byte[(int) Math.min(limit + 1, Math.max(attrs.size() + 1, 8192))];
            int size = 0;
            while (true) {
                if (size == bytes.length) {
                    if (size > limit) {
                        throw new FileSystemException(file.toString(), null, "larger than " + limit + " bytes");
                    }
                    bytes = Arrays.copyOf(bytes, (int) Math.min(limit + 1, 2L * size));
                }
                int n = channel.read(ByteBuffer.wrap(bytes, size, bytes.length - size));
                if (n < 0) {
                    break;
                }
                size += n;
            }
            if (size > limit) {
                throw new FileSystemException(file.toString(), null, "larger than " + limit + " bytes");
            }
            return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
        }
    }

    /** {@link #read} decoded as UTF-8 with replacement, a byte order mark removed. */
    public static String readString(Path file, long limit, Path root) throws IOException {
        byte[] bytes = read(file, limit, root);
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        return new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
    }

    /** The reason an {@link IOException} of {@link #read} gives, on one line, without the file's content. */
    public static String reason(IOException e) {
        String reason = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason()
                : e instanceof java.nio.file.NoSuchFileException ? "not found" : e.getClass().getSimpleName();
        return LineEscape.visible(reason);
    }
}
