package io.samokoder.model.settings;

import java.util.Optional;

/**
 * Servers whose password guards only a unix socket. supervisord's RPC interface in {@code [unix_http_server]} listens
 * on a socket file ({@code file = /dev/shm/supervisor.sock}, its {@code chmod} limiting who may open it), and the
 * {@code [supervisorctl]} client that talks to it ({@code serverurl = unix://...}) repeats its login: whoever can
 * open the socket is already on that host or in that container and can read the file that holds the password. An
 * {@code [inet_http_server]} listens on the network and is not one of these.
 */
public final class UnixSocketServers {

    private UnixSocketServers() {
    }

    /** The setting that puts this credential on a unix socket (its {@code file} or {@code serverurl}), if one does. */
    public static Optional<Setting> socketOf(FileSettings settings, Setting credential) {
        if (settings.kind() != FileSettings.Kind.INI || credential.parents().size() != 1) {
            return Optional.empty();
        }
        String section = credential.parents().get(0);
        for (Setting s : settings.settings()) {
            if (!s.scope().equals(credential.scope())) {
                continue;
            }
            if (section.equals("unix_http_server") && s.name().equals("file") && s.value().strip().startsWith("/")) {
                return Optional.of(s);
            }
            if (section.equals("supervisorctl") && s.name().equals("serverurl")
                    && s.value().strip().startsWith("unix://")) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
