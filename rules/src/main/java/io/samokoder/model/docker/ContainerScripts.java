package io.samokoder.model.docker;

import io.samokoder.engine.AuditContext;
import io.samokoder.model.Location;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The repository's scripts that run inside its containers rather than on the host: a script a container's process
 * reaches ({@code ENTRYPOINT}/{@code CMD}, compose's {@code entrypoint:}/{@code command:}, and the scripts those run,
 * {@link Container#scripts}), and a file a Dockerfile of the repository {@code COPY}s or {@code ADD}s by its own name
 * (a whole folder's copy says nothing about which of its scripts the image runs). Inside a container a script's
 * {@code ${X:-default}} reads the container's environment, which the deployment sets; on the host it reads the
 * operator's shell. Shared model: {@link #of(AuditContext)}.
 */
public final class ContainerScripts {

    private final Map<String, Location> scripts;

    private ContainerScripts(Map<String, Location> scripts) {
        this.scripts = Map.copyOf(scripts);
    }

    public static ContainerScripts of(AuditContext ctx) {
        return ctx.model(ContainerScripts.class, ContainerScripts::load);
    }

    private static ContainerScripts load(AuditContext ctx) {
        Map<String, Location> out = new LinkedHashMap<>();
        for (Container c : Containers.of(ctx).all()) {
            c.build().ifPresent(b -> {
                for (ImageBuild.Placement p : b.files()) {
                    if (!p.directory()) {
                        out.putIfAbsent(p.repositoryPath(), new Location(b.dockerfile().path(), p.line(), 1));
                    }
                }
            });
            for (Container.Script s : c.scripts(ctx)) {
                s.repositoryPath().ifPresent(p -> out.putIfAbsent(p, c.commandLocation()));
            }
        }
        return new ContainerScripts(out);
    }

    /**
     * Where the repository file {@code path} is put into or run by a container (the {@code COPY}, or the process
     * that reaches it); empty for a script only the host runs.
     */
    public Optional<Location> runInContainer(String path) {
        return Optional.ofNullable(scripts.get(path));
    }
}
