package io.samokoder.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A generated repository for the secrets benchmarks, in the proportions of a large real repository: 1% compose
 * files, 1% dotenv files, 4% shell scripts, 10% Markdown docs, the rest source code, in nested folders, about 10 KB
 * each, with provider-shaped tokens, weak defaults and token keywords (near misses)
 * sprinkled in, deterministic for a seed.
 */
public final class SecretsTree {

    private static final String[] WORDS = ("the of and to in is for on that with as by this be it are from at or an "
            + "config service request response handler user account session token value secret password key client "
            + "server database query cache redis postgres metric alert deploy build test release version update create "
            + "delete list get set load save parse format error warning info debug trace retry timeout limit offset "
            + "task disk ask mask risk desk http https url path file dir env api app sk aws ghp eyj glpat xoxb").split(" ");
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private SecretsTree() {
    }

    /** Writes {@code files} files of about {@code bytesPerFile} bytes; returns the total size written. */
    public static long generate(Path root, int files, int bytesPerFile, long seed) throws IOException {
        Random random = new Random(seed);
        long total = 0;
        for (int i = 0; i < files; i++) {
            String dir = "svc" + (i % 40) + "/pkg" + (i % 13) + "/" + (i % 7 == 0 ? "config" : "src");
            String name;
            String text;
            int kind = i % 100 == 0 ? 0 : i % 100 == 1 ? 1 : i % 25 == 2 ? 2 : i % 10 == 3 ? 3 : 4;
            switch (kind) {
                case 0 -> {
                    name = "docker-compose." + i + ".yml";
                    text = compose(random, bytesPerFile, i);
                }
                case 1 -> {
                    name = ".env." + (i % 20 == 1 ? "example" : "staging" + i);
                    text = dotenv(random, bytesPerFile, i);
                }
                case 2 -> {
                    name = "deploy" + i + ".sh";
                    text = "#!/usr/bin/env bash\nset -euo pipefail\n" + prose(random, bytesPerFile, i, "# ");
                }
                case 3 -> {
                    name = "README" + i + ".md";
                    text = prose(random, bytesPerFile, i, "");
                }
                default -> {
                    name = "Module" + i + ".java";
                    text = code(random, bytesPerFile, i);
                }
            }
            Path p = root.resolve(dir).resolve(name);
            Files.createDirectories(p.getParent());
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            Files.write(p, bytes);
            total += bytes.length;
        }
        return total;
    }

    private static String rand(Random r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALNUM.charAt(r.nextInt(ALNUM.length())));
        }
        return sb.toString();
    }

    private static String sentence(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = 6 + r.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        }
        return sb.toString();
    }

    /** A token now and then (one file in fifty). */
    private static String maybeToken(Random r, int i) {
        if (i % 50 != 7) {
            return "";
        }
        return switch (r.nextInt(4)) {
            case 0 -> "GITHUB_TOKEN=ghp_" + rand(r, 36) + "\n";
            case 1 -> "SLACK_BOT_TOKEN=xoxb-" + (100000000000L + r.nextInt(1_000_000)) + "-"
                    + (1000000000000L + r.nextInt(1_000_000)) + "-" + rand(r, 24) + "\n";
            case 2 -> "aws_access_key_id = AKIA" + rand(r, 16).toUpperCase() + "\n";
            default -> "STRIPE_SECRET_KEY=sk_live_" + rand(r, 24) + "\n";
        };
    }

    private static String prose(Random r, int size, int i, String prefix) {
        StringBuilder sb = new StringBuilder(size + 200);
        sb.append(maybeToken(r, i));
        while (sb.length() < size) {
            sb.append(prefix).append(sentence(r)).append(".\n");
        }
        return sb.toString();
    }

    private static String code(Random r, int size, int i) {
        StringBuilder sb = new StringBuilder(size + 200);
        sb.append("package svc.pkg").append(i % 13).append(";\n\n/* ").append(maybeToken(r, i)).append(" */\n");
        sb.append("public final class Module").append(i).append(" {\n");
        int m = 0;
        while (sb.length() < size) {
            sb.append("    // ").append(sentence(r)).append('\n');
            sb.append("    public String method").append(m++).append("(String ").append(WORDS[r.nextInt(WORDS.length)])
                    .append(") {\n        return \"").append(sentence(r)).append("\" + url(\"https://api.example.com/v1/")
                    .append(rand(r, 8)).append("\");\n    }\n");
        }
        return sb.append("}\n").toString();
    }

    private static String compose(Random r, int size, int i) {
        StringBuilder sb = new StringBuilder(size + 200);
        sb.append("services:\n");
        int s = 0;
        while (sb.length() < size) {
            sb.append("  svc").append(s++).append(":\n    image: registry.example.com/app:").append(r.nextInt(100))
                    .append("\n    environment:\n      DATABASE_URL: postgresql://app:${DB_PASSWORD:?}@db/app\n")
                    .append("      LOG_LEVEL: info\n      API_TOKEN: ${API_TOKEN}\n")
                    .append(s % 9 == 0 ? "      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-postgres}\n" : "")
                    .append("    command: [\"run\", \"--name\", \"").append(rand(r, 12)).append("\"]\n");
        }
        return sb.toString();
    }

    private static String dotenv(Random r, int size, int i) {
        StringBuilder sb = new StringBuilder(size + 200);
        sb.append(maybeToken(r, i));
        int n = 0;
        while (sb.length() < size) {
            sb.append("# ").append(sentence(r)).append('\n').append("SETTING_").append(n++).append('=')
                    .append(rand(r, 16)).append('\n');
            if (n % 25 == 0) {
                sb.append("REDIS_PASSWORD=").append(n % 50 == 0 ? "redis" : rand(r, 24)).append('\n');
            }
        }
        return sb.toString();
    }
}
