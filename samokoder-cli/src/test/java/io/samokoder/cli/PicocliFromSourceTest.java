package io.samokoder.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * picocli is compiled in this module from its source: class data sharing refuses class files older than Java 6, and
 * picocli's jar holds Java 5 ones (version 49), which every CLI start then read and verified from the jar.
 */
class PicocliFromSourceTest {

    @Test
    void picocliIsCompiledForOurJavaSoTheLauncherCanArchiveIt() throws IOException {
        assertThat(majorVersion(CommandLine.class)).isEqualTo(majorVersion(Main.class)).isGreaterThanOrEqualTo(61);
        assertThat(majorVersion(CommandLine.Model.OptionSpec.class)).isEqualTo(majorVersion(Main.class));
    }

    private static int majorVersion(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getName().substring(c.getName().lastIndexOf('.') + 1) + ".class")) {
            DataInputStream data = new DataInputStream(in);
            assertThat(data.readInt()).isEqualTo(0xCAFEBABE);
            data.readUnsignedShort(); // minor
            return data.readUnsignedShort();
        }
    }
}
