package io.samokoder.maven;

import io.samokoder.engine.LineEscape;
import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A long-lived audit JVM that the {@code check} goals of later builds reuse, as Gradle's daemon is: its classes are
 * loaded and compiled once, so an audit costs a build the audit's own work instead of a JVM's start and warm-up.
 * It listens on a Unix domain socket in a folder only its user can enter, answers only peers of its own user, serves
 * each request on a thread of its own, and exits when no build has used it for its idle timeout or when its socket
 * file is removed or replaced. Each request is one audit: the build's working directory, environment and
 * {@link CheckSettings#toArgs() arguments}, answered with the lines {@link ForkedCheck} prints.
 *
 * <p>Request: {@value #HELLO}, then {@code C cwd}, {@code E NAME=VALUE} per variable and {@code A name=value} per
 * argument, each escaped by {@link LineEscape}, then {@code .}.
 */
public final class AuditDaemon {

    static final String HELLO = "samokoder-daemon 1";

    private final ServerSocketChannel server;
    private final Path socket;
    private final Object fileKey;
    private final long idleMillis;
    private final BiFunction<Request, CheckRun.Output, CheckRun.Verdict> audit;
    private final AtomicInteger active = new AtomicInteger();
    private volatile long lastUse = System.currentTimeMillis();

    private AuditDaemon(ServerSocketChannel server, Path socket, long idleMillis,
                        BiFunction<Request, CheckRun.Output, CheckRun.Verdict> audit) throws IOException {
        this.server = server;
        this.audit = audit;
        this.socket = socket;
        this.fileKey = fileKey(socket);
        this.idleMillis = idleMillis;
    }

    /** Arguments: the socket's path and the idle timeout in seconds. */
    public static void main(String[] args) throws IOException {
        Path socket = Path.of(args[0]);
        AuditDaemon daemon = open(socket, Long.parseLong(args[1]) * 1000);
        if (daemon == null) {
            log("another daemon serves " + socket);
            return;
        }
        log("serving " + socket + " (pid " + ProcessHandle.current().pid() + ")");
        // interrupted (a Ctrl-C in the terminal that started it, a kill): no socket file left for the next build
        Runtime.getRuntime().addShutdownHook(new Thread(daemon::stop));
        daemon.run();
        System.exit(0);
    }

    /** A daemon bound to {@code socket}; null when a live daemon already answers there. */
    static AuditDaemon open(Path socket, long idleMillis) throws IOException {
        return open(socket, idleMillis, (request, lines) -> CheckRun.run(
                request.settings().resolvedAgainst(request.cwd()), request.env(), request.cwd(), lines));
    }

    /** @param audit what a request runs (tests put failures in) */
    static AuditDaemon open(Path socket, long idleMillis, BiFunction<Request, CheckRun.Output, CheckRun.Verdict> audit)
            throws IOException {
        ServerSocketChannel server = bind(socket);
        return server == null ? null : new AuditDaemon(server, socket, idleMillis, audit);
    }

    /** Serves until idle or until its socket is gone, then lets the requests in progress finish. */
    void run() {
        startWatchdog();
        serve();
        awaitRequests();
    }

    /**
     * Binds the socket; null when a live daemon already answers there (two builds started one each at once). A
     * socket file nobody answers on was left by a daemon that was killed: it is replaced.
     */
    static ServerSocketChannel bind(Path socket) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            server.bind(UnixDomainSocketAddress.of(socket));
            return server;
        } catch (IOException e) {
            if (!Files.exists(socket, LinkOption.NOFOLLOW_LINKS) || answers(socket)) {
                server.close();
                return null;
            }
            Files.deleteIfExists(socket);
            try {
                server.bind(UnixDomainSocketAddress.of(socket));
                return server;
            } catch (IOException again) {
                server.close();
                return null; // another daemon bound it in between
            }
        }
    }

    /** Whether a daemon listens there; asked three times, since a socket file appears a moment before its listen. */
    private static boolean answers(Path socket) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                return probe.isConnected();
            } catch (IOException e) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /** Accepts until the server is closed (by the watchdog). */
    private void serve() {
        while (server.isOpen()) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (IOException e) {
                break; // closed
            }
            active.incrementAndGet();
            lastUse = System.currentTimeMillis();
            Thread worker = new Thread(() -> handle(channel), "samokoder-audit");
            worker.setDaemon(true);
            worker.start();
        }
    }

    /** The builds being served when the socket was replaced still get their verdicts. */
    private void awaitRequests() {
        while (active.get() > 0) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void handle(SocketChannel channel) {
        try (channel) {
            if (!samePeer(channel)) {
                log("refused a peer of another user");
                return;
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel),
                    StandardCharsets.UTF_8));
            PrintStream out = new PrintStream(new BufferedOutputStream(Channels.newOutputStream(channel)), false,
                    StandardCharsets.UTF_8);
            Request request;
            try {
                request = Request.read(in);
            } catch (RuntimeException e) {
                ForkedCheck.emit(out, 'E', "audit daemon: " + (e instanceof IllegalArgumentException ? e.getMessage()
                        : "a malformed request (" + e + ")"));
                out.flush();
                return;
            }
            long start = System.nanoTime();
            int code = ForkedCheck.check(lines -> audit.apply(request, lines), out);
            out.flush();
            log("audited " + request.settings().dir + " in " + (System.nanoTime() - start) / 1_000_000 + " ms (exit "
                    + code + ")");
            if (code == ForkedCheck.INTERNAL_ERROR) {
                // an error no audit should end in (a bug, memory exhausted): the next build gets a fresh JVM
                log("stopping after an internal error");
                stop();
            }
        } catch (IOException | RuntimeException e) {
            log("request failed: " + e);
        } finally {
            lastUse = System.currentTimeMillis();
            if (active.decrementAndGet() == 0) {
                System.gc(); // gives the audit's memory back between builds; the build already has its verdict
            }
        }
    }

    /** Only the daemon's own user may ask it to read a tree and write reports. */
    static boolean samePeer(SocketChannel channel) {
        try {
            UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
            return peer != null && peer.user().getName().equals(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private void startWatchdog() {
        Thread watchdog = new Thread(() -> {
            while (server.isOpen()) {
                try {
                    Thread.sleep(Math.max(50, Math.min(1000, idleMillis / 4)));
                } catch (InterruptedException e) {
                    return;
                }
                if (shouldStop()) {
                    stop();
                    return;
                }
            }
        }, "samokoder-daemon-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** Idle for its timeout, or its socket file removed or replaced by another daemon's. */
    boolean shouldStop() {
        Object key;
        try {
            key = fileKey(socket);
        } catch (IOException e) {
            key = null;
        }
        if (key == null || !key.equals(fileKey)) {
            log("socket " + socket + " removed or replaced");
            return true;
        }
        if (active.get() == 0 && System.currentTimeMillis() - lastUse > idleMillis) {
            log("idle for " + idleMillis / 1000 + " s");
            return true;
        }
        return false;
    }

    /**
     * Removes the socket file if it is still this daemon's, then stops accepting. In that order: closing the server
     * ends {@link #run()}, and a daemon whose run has ended must have left no socket behind for the next build.
     */
    void stop() {
        try {
            if (Objects.equals(fileKey(socket), fileKey)) {
                Files.deleteIfExists(socket);
            }
        } catch (IOException e) {
            // a file left behind is replaced by the next daemon
        }
        try {
            server.close();
        } catch (IOException e) {
            // exiting anyway
        }
    }

    private static Object fileKey(Path socket) throws IOException {
        return Files.readAttributes(socket, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    }

    private static void log(String message) {
        System.err.println(Instant.now() + " " + message);
    }

    /** One audit asked of the daemon. */
    record Request(Path cwd, Map<String, String> env, CheckSettings settings) {

        static Request read(BufferedReader in) throws IOException {
            if (!HELLO.equals(in.readLine())) {
                throw new IllegalArgumentException("not a request of this plugin version");
            }
            Path cwd = null;
            Map<String, String> env = new LinkedHashMap<>();
            List<String> args = new ArrayList<>();
            for (String line = in.readLine(); !".".equals(line); line = in.readLine()) {
                if (line == null || line.length() < 2 || line.charAt(1) != ' ') {
                    throw new IllegalArgumentException("a malformed or truncated request");
                }
                String value = LineEscape.unescape(line.substring(2));
                switch (line.charAt(0)) {
                    case 'C' -> cwd = Path.of(value);
                    case 'E' -> {
                        int eq = value.indexOf('=');
                        if (eq > 0) {
                            env.put(value.substring(0, eq), value.substring(eq + 1));
                        }
                    }
                    case 'A' -> args.add(value);
                    default -> throw new IllegalArgumentException("a malformed request line");
                }
            }
            if (cwd == null || !cwd.isAbsolute()) {
                throw new IllegalArgumentException("a request without an absolute working directory");
            }
            return new Request(cwd, env, CheckSettings.fromArgs(args.toArray(String[]::new)));
        }

        void write(PrintStream out) {
            out.print(HELLO + "\n");
            out.print("C " + LineEscape.escape(cwd.toString()) + "\n");
            env.forEach((k, v) -> out.print("E " + LineEscape.escape(k + "=" + v) + "\n"));
            for (String arg : settings.toArgs()) {
                out.print("A " + LineEscape.escape(arg) + "\n");
            }
            out.print(".\n");
        }
    }
}
