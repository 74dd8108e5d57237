package io.samokoder.model.compose;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What well-known container images run and the ports they listen on by default: the data table
 * {@code image-ports.tsv} beside this class (one image a line; extend it there, not in code).
 */
public final class ImageCatalog {

    /** One line of the table. */
    public record Entry(String pattern, String component, List<Integer> ports) {
        boolean matches(String name) {
            return pattern.endsWith("*") ? name.startsWith(pattern.substring(0, pattern.length() - 1))
                    : name.equals(pattern);
        }
    }

    private static final List<Entry> ENTRIES = read();

    private ImageCatalog() {
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    /** The entry for an image reference ({@code prom/prometheus:v2.51.0}, {@code gcr.io/cadvisor/cadvisor}). */
    public static Optional<Entry> lookup(ImageReference image) {
        String name = image.name();
        return ENTRIES.stream().filter(e -> e.matches(name)).findFirst();
    }

    /** The component a service runs by its image ({@code prometheus}, {@code grafana}, ...). */
    public static Optional<String> component(ComposeService service) {
        return service.imageReference().flatMap(ImageCatalog::lookup).map(Entry::component);
    }

    private static List<Entry> read() {
        List<Entry> out = new ArrayList<>();
        try (InputStream in = ImageCatalog.class.getResourceAsStream("image-ports.tsv")) {
            if (in == null) {
                throw new IllegalStateException("image-ports.tsv missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length < 3) {
                    throw new IllegalStateException("image-ports.tsv: bad line '" + line + "'");
                }
                List<Integer> ports = new ArrayList<>();
                for (String p : cols[2].split(",")) {
                    ports.add(Integer.parseInt(p.trim()));
                }
                out.add(new Entry(cols[0].trim(), cols[1].trim(), List.copyOf(ports)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }
}
