package io.samokoder.engine;

import io.samokoder.workspace.LineIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One text file of the workspace. Content is read lazily and kept while the workspace's {@link TextCache} has room
 * (on a large tree a file may be read again), decoded as UTF-8 with replacement so invalid bytes never raise.
 */
public final class SourceFile {

    private final String path;
    private final String name;
    private final String folder;
    /**
     * The repository root, or the file itself when {@code path} does not lead to it (see {@link #at}). A resolved
     * {@link Path} per file cost a 100k-file tree 30 MB; the path is resolved when the file is read.
     */
    private final Path base;
    private final boolean exact;
    private final long size;
    /** The decoded texts of the workspace's files, this one's among them while it is read often enough. */
    private final TextCache texts;

    /** A regular file at {@code path} under {@code root}. */
    SourceFile(String path, Path root, long size, TextCache texts) {
        this(path, root, false, size, texts);
    }

    /**
     * A file at {@code path} that is read from {@code file}: a symbolic link's real target inside the repository, or
     * a file whose path holds a name that is not valid UTF-8, which {@code path} shows decoded with replacement.
     */
    static SourceFile at(String path, Path file, long size, TextCache texts) {
        return new SourceFile(path, file, true, size, texts);
    }

    private SourceFile(String path, Path base, boolean exact, long size, TextCache texts) {
        this.path = path;
        this.texts = texts;
        this.base = base;
        this.exact = exact;
        this.size = size;
        // computed once: rules call name() and folder() in loops over every file (5% of a 10k-file audit's samples)
        int slash = path.lastIndexOf('/');
        this.name = slash < 0 ? path : path.substring(slash + 1);
        this.folder = slash < 0 ? "" : path.substring(0, slash);
    }

    /** Repository-relative path with {@code /} separators. */
    public String path() {
        return path;
    }

    public Path absolutePath() {
        return exact ? base : base.resolve(path);
    }

    public long size() {
        return size;
    }

    /** The file name (last path segment). */
    public String name() {
        return name;
    }

    /** The folder part of the path, {@code ""} at the root. */
    public String folder() {
        return folder;
    }

    /** Decoded text (BOM removed). Throws {@link UncheckedIOException} only when the file cannot be read. */
    public String text() {
        return decoded().text;
    }

    /** Binary if the first 8000 bytes hold a NUL, as git decides; binary files decode to empty text. */
    public boolean isBinary() {
        return decoded().binary;
    }

    /** Whether the bytes were not valid UTF-8 (replacement characters were substituted). */
    public boolean hadInvalidUtf8() {
        return decoded().invalidUtf8;
    }

    /** Offsets of line starts, for turning offsets into line numbers. */
    public int lineOf(int offset) {
        return decoded().lines().line(offset);
    }

    /** 1-based column of an offset. */
    public int columnOf(int offset) {
        return decoded().lines().column(offset);
    }

    /** The text of a 1-based line without its terminator, or {@code ""} when out of range. */
    public String line(int number) {
        Decoded d = decoded();
        LineIndex lines = d.lines();
        if (number < 1 || number > lines.count()) {
            return "";
        }
        int start = lines.start(number);
        int end = number < lines.count() ? lines.start(number + 1) : d.text.length();
        String s = d.text.substring(start, end);
        int cut = s.length();
        while (cut > 0 && (s.charAt(cut - 1) == '\n' || s.charAt(cut - 1) == '\r')) {
            cut--;
        }
        return s.substring(0, cut);
    }

    public int lineCount() {
        return decoded().lines().count();
    }

    /** What a single pass over the tree does with one file's contents. */
    @FunctionalInterface
    public interface TextScan<R> {
        R scan(Contents contents);
    }

    /**
     * A file's contents as a single pass reads them. An ASCII file (most source files) is handed over as the bytes
     * read, in a buffer read into again for the thread's next file: valid only during the scan. Its {@link #text()}
     * is made on first call, so a scan that only needs bytes or a few characters makes none.
     */
    public static final class Contents {
        private final byte[] ascii;
        private final int size;
        private String text;

        Contents(String text) {
            this.ascii = null;
            this.size = text.length();
            this.text = text;
        }

        Contents(byte[] ascii, int size) {
            this.ascii = ascii;
            this.size = size;
        }

        /** The decoded text (BOM removed). */
        public String text() {
            if (text == null) {
                text = new String(ascii, 0, size, StandardCharsets.ISO_8859_1); // ASCII: a copy, nothing to decode
            }
            return text;
        }

        /**
         * The bytes when they are the text's characters one to one (ASCII without a BOM), the first
         * {@link #length()} of the array; else null. Valid only during the scan.
         */
        public byte[] ascii() {
            return ascii;
        }

        public int length() {
            return size;
        }

        /** The text, or a view of its ASCII bytes while none is made (valid only during the scan). */
        public CharSequence chars() {
            return text != null ? text : new AsciiChars(ascii, size);
        }
    }

    /** The first {@code size} of ASCII bytes as characters, without a copy. */
    private record AsciiChars(byte[] bytes, int size) implements CharSequence {
        @Override
        public int length() {
            return size;
        }

        @Override
        public char charAt(int index) {
            if (index < 0 || index >= size) {
                throw new IndexOutOfBoundsException(index);
            }
            return (char) bytes[index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            if (start < 0 || start > end || end > size) {
                throw new IndexOutOfBoundsException("[" + start + ", " + end + ") of " + size);
            }
            return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(bytes, 0, size, StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * The contents for a single pass over the tree (token and settings scans): the cached text when there is one,
     * else read without being cached, so that a scan of a large tree leaves no text behind for the collector to copy.
     * The file is read into a buffer the thread keeps for its next file, so that a 1 GB tree is not 1 GB of arrays
     * either, and an ASCII file is handed over as those bytes without being decoded ({@link Contents}). Null for a
     * binary file (the scan is not called); throws {@link UncheckedIOException} when the file cannot be read.
     */
    public <R> R scanOnce(TextScan<R> scan) {
        Decoded cached = cached();
        if (cached != null) {
            return cached.binary ? null : scan.scan(new Contents(cached.text));
        }
        // taken from the thread while in use: a scan that reads another file the same way gets a buffer of its own
        byte[] buffer = BUFFERS.get();
        BUFFERS.remove();
        try {
            int size = 0;
            try (FileChannel channel = FileChannel.open(absolutePath())) {
                long expected = channel.size();
                if (expected >= buffer.length && expected < Integer.MAX_VALUE - 16) {
                    buffer = new byte[(int) expected + 1]; // + 1: the read that meets the end needs room
                }
                while (true) {
                    if (size == buffer.length) {
                        buffer = java.util.Arrays.copyOf(buffer, size < Integer.MAX_VALUE / 2 - 16 ? 2 * size
                                : Integer.MAX_VALUE - 16);
                    }
                    int read = channel.read(ByteBuffer.wrap(buffer, size, buffer.length - size));
                    if (read < 0) {
                        break;
                    }
                    size += read;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
            }
            if (isAscii(buffer, size)) { // no BOM either: its first byte is not ASCII
                return hasNul(buffer, Math.min(size, 8000)) ? null : scan.scan(new Contents(buffer, size));
            }
            Decoded d = decode(buffer, size);
            return d.binary ? null : scan.scan(new Contents(d.text));
        } finally {
            if (buffer.length <= KEPT_BUFFER) {
                BUFFERS.set(buffer);
            }
        }
    }

    /** Read buffers up to this size stay with their thread; a larger file gets an array of its own. */
    private static final int KEPT_BUFFER = 1 << 20;
    private static final ThreadLocal<byte[]> BUFFERS = ThreadLocal.withInitial(() -> new byte[32 * 1024]);

    /** Whether the decoded text is held in memory now (tests of the read-once passes). */
    public boolean isTextCached() {
        return texts.contains(this);
    }

    private Decoded cached() {
        return texts.get(this);
    }

    private Decoded decoded() {
        Decoded d = cached();
        if (d == null) {
            synchronized (this) { // two rules asking at once read the file once
                d = cached();
                if (d == null) {
                    d = read();
                    texts.put(this, d);
                }
            }
        }
        return d;
    }

    private Decoded read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(absolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return decode(bytes);
    }

    static Decoded decode(byte[] bytes) {
        return decode(bytes, bytes.length);
    }

    /** Decodes the first {@code size} bytes. */
    static Decoded decode(byte[] bytes, int size) {
        if (hasNul(bytes, Math.min(size, 8000))) {
            return new Decoded("", false, true);
        }
        int offset = size >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        int length = size - offset;
        String text = new String(bytes, offset, length, StandardCharsets.UTF_8);
        // The constructor replaces malformed input with U+FFFD: without one, the bytes were valid UTF-8. For ASCII,
        // most source files, it tests the bytes with the JVM's vectorised check and copies them once, one byte per
        // char; and indexOf of a char above Latin-1 in such text returns at once.
        if (text.indexOf('\uFFFD') < 0) {
            return new Decoded(text, false, false);
        }
        // a U+FFFD: written in the file (valid), or a replacement; only a strict decoder tells which
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            strict.decode(ByteBuffer.wrap(bytes, offset, length));
            return new Decoded(text, false, false);
        } catch (CharacterCodingException e) {
            return new Decoded(text, true, false);
        }
    }

    // The NUL test reads eight bytes at a time: every file of the tree passes through it.
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x0101010101010101L;

    /** Whether no byte of the first {@code size} has its high bit set, eight at a time. */
    static boolean isAscii(byte[] bytes, int size) {
        int i = 0;
        long any = 0;
        for (; i + Long.BYTES <= size; i += Long.BYTES) {
            any |= (long) LONGS.get(bytes, i);
        }
        for (; i < size; i++) {
            any |= bytes[i];
        }
        return (any & HIGH_BITS) == 0;
    }

    private static boolean hasNul(byte[] bytes, int end) {
        int i = 0;
        for (; i + Long.BYTES <= end; i += Long.BYTES) {
            long v = (long) LONGS.get(bytes, i);
            if (((v - LOW_BITS) & ~v & HIGH_BITS) != 0) { // some byte is zero (exact as a test of existence)
                return true;
            }
        }
        for (; i < end; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    static final class Decoded {
        final String text;
        final boolean invalidUtf8;
        final boolean binary;
        private LineIndex lines;

        Decoded(String text, boolean invalidUtf8, boolean binary) {
            this.text = text;
            this.invalidUtf8 = invalidUtf8;
            this.binary = binary;
        }

        synchronized LineIndex lines() {
            if (lines == null) {
                lines = new LineIndex(text);
            }
            return lines;
        }
    }

    @Override
    public String toString() {
        return path;
    }
}
