package io.samokoder.engine;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** The decoder's tests read eight bytes at a time: a byte in any lane, in the tail or past the limit must count. */
class SourceFileDecodeTest {

    @Test
    void aNulInTheFirst8000BytesMakesAFileBinaryWhereverItSits() {
        for (int length : new int[] {1, 7, 8, 9, 23, 7999, 8000, 8001, 8011}) {
            for (int at = 0; at < length; at++) {
                if (at > 40 && at < length - 40 && at % 997 != 0) {
                    continue; // every lane and the tail at both ends, a sample in between
                }
                byte[] bytes = new byte[length];
                Arrays.fill(bytes, (byte) 'a');
                bytes[at] = 0;
                assertThat(SourceFile.decode(bytes).binary).as("NUL at %d of %d", at, length).isEqualTo(at < 8000);
            }
        }
        byte[] ones = new byte[64];
        Arrays.fill(ones, (byte) 1); // bytes of 1 next to a borrow are the classic false alarm of the lane test
        assertThat(SourceFile.decode(ones).binary).isFalse();
    }

    @Test
    void aMultiByteCharacterAnywhereIsDecodedAsUtf8() {
        byte[] e = "é".getBytes(StandardCharsets.UTF_8);
        for (int length = 2; length <= 40; length++) {
            for (int at = 0; at + 2 <= length; at++) {
                byte[] bytes = new byte[length];
                Arrays.fill(bytes, (byte) 'x');
                System.arraycopy(e, 0, bytes, at, 2);
                String text = SourceFile.decode(bytes).text;
                assertThat(text).as("é at %d of %d", at, length).hasSize(length - 1).contains("é");
            }
        }
        // after a byte-order mark the ASCII test starts at byte 3, not at a multiple of eight
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', (byte) 0xC3,
            (byte) 0xA9};
        assertThat(SourceFile.decode(bom).text).isEqualTo("abcdefghé");
    }

    @Test
    void aMalformedByteAnywhereIsReportedAndReplaced() {
        // one malformed byte decodes to one U+FFFD: the text keeps one char per byte, as ASCII text does
        for (byte bad : new byte[] {(byte) 0x80, (byte) 0xFF, (byte) 0xC3}) {
            for (int length = 1; length <= 40; length++) {
                for (int at = 0; at < length; at++) {
                    byte[] bytes = new byte[length];
                    Arrays.fill(bytes, (byte) 'x');
                    bytes[at] = bad;
                    SourceFile.Decoded d = SourceFile.decode(bytes);
                    assertThat(d.invalidUtf8).as("%02x at %d of %d", bad, at, length).isTrue();
                    assertThat(d.text).hasSize(length).contains("\uFFFD");
                }
            }
        }
        SourceFile.Decoded ascii = SourceFile.decode("plain = ascii\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(ascii.invalidUtf8).isFalse();
        assertThat(ascii.text).isEqualTo("plain = ascii\n");
        // U+FFFD written in the file is valid UTF-8 (three bytes), not a sign of a malformed one
        SourceFile.Decoded replacement = SourceFile.decode("a\uFFFDb".getBytes(StandardCharsets.UTF_8));
        assertThat(replacement.invalidUtf8).isFalse();
        assertThat(replacement.text).isEqualTo("a\uFFFDb");
    }
}
