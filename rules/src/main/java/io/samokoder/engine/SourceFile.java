package io.samokoder.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One text file of the workspace. Content is read lazily, at most once while memory allows (a soft reference lets
 * the collector drop the text of large trees; it is then read again), decoded as UTF-8 with replacement so invalid
 * bytes never raise.
 */
public final class SourceFile {

    private final String path;
    private final String name;
    private final String folder;
    private final Path absolute;
    private final long size;
    private volatile SoftReference<Decoded> cache = new SoftReference<>(null);

    SourceFile(String path, Path absolute, long size) {
        this.path = path;
        this.absolute = absolute;
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
        return absolute;
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
        int[] starts = decoded().lineStarts();
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo + 1;
    }

    /** 1-based column of an offset. */
    public int columnOf(int offset) {
        int[] starts = decoded().lineStarts();
        return offset - starts[lineOf(offset) - 1] + 1;
    }

    /** The text of a 1-based line without its terminator, or {@code ""} when out of range. */
    public String line(int number) {
        Decoded d = decoded();
        int[] starts = d.lineStarts();
        if (number < 1 || number > starts.length) {
            return "";
        }
        int start = starts[number - 1];
        int end = number < starts.length ? starts[number] : d.text.length();
        String s = d.text.substring(start, end);
        int cut = s.length();
        while (cut > 0 && (s.charAt(cut - 1) == '\n' || s.charAt(cut - 1) == '\r')) {
            cut--;
        }
        return s.substring(0, cut);
    }

    public int lineCount() {
        return decoded().lineStarts().length;
    }

    private Decoded decoded() {
        Decoded d = cache.get();
        if (d == null) {
            synchronized (this) {
                d = cache.get();
                if (d == null) {
                    d = read();
                    cache = new SoftReference<>(d);
                }
            }
        }
        return d;
    }

    private Decoded read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return decode(bytes);
    }

    static Decoded decode(byte[] bytes) {
        int head = Math.min(bytes.length, 8000);
        for (int i = 0; i < head; i++) {
            if (bytes[i] == 0) {
                return new Decoded("", false, true);
            }
        }
        int offset = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        if (isAscii(bytes, offset)) {
            // most source files: no decoder, no intermediate char[] (the String stays one byte per char)
            return new Decoded(new String(bytes, offset, bytes.length - offset, StandardCharsets.ISO_8859_1), false,
                    false);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return new Decoded(strict.decode(buffer).toString(), false, false);
        } catch (CharacterCodingException e) {
            // String's constructor substitutes U+FFFD for malformed sequences and never throws
            String lenient = new String(bytes, offset, bytes.length - offset, StandardCharsets.UTF_8);
            return new Decoded(lenient, true, false);
        }
    }

    private static boolean isAscii(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    static final class Decoded {
        final String text;
        final boolean invalidUtf8;
        final boolean binary;
        private int[] lineStarts;

        Decoded(String text, boolean invalidUtf8, boolean binary) {
            this.text = text;
            this.invalidUtf8 = invalidUtf8;
            this.binary = binary;
        }

        synchronized int[] lineStarts() {
            if (lineStarts == null) {
                List<Integer> starts = new ArrayList<>();
                starts.add(0);
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '\n') {
                        starts.add(i + 1);
                    } else if (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n')) {
                        starts.add(i + 1);
                    }
                }
                if (starts.size() > 1 && starts.get(starts.size() - 1) == text.length()) {
                    starts.remove(starts.size() - 1);
                }
                lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
            }
            return lineStarts;
        }
    }

    @Override
    public String toString() {
        return path;
    }
}
