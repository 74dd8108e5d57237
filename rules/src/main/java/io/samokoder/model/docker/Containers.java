package io.samokoder.model.docker;

import io.samokoder.engine.AuditContext;
import io.samokoder.engine.SourceFile;
import io.samokoder.i18n.Text;
import io.samokoder.model.compose.ComposeProject;
import io.samokoder.model.compose.ComposeService;
import io.samokoder.model.compose.ComposeStack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every container the repository defines: each compose service (with the image its {@code build:} section builds, or
 * the image a build of the repository tags with the service's {@code image:} ({@link BuiltImages}), followed through
 * the Dockerfile), and each Dockerfile no compose service runs, as the image it makes run with its own
 * {@code ENTRYPOINT}/{@code CMD} (deployed by a platform that reads the Dockerfile: Cloud Foundry, Railway, a CI job).
 * Shared model: {@link #of(AuditContext)}.
 */
public final class Containers {

    private final List<Container> all;
    private final Set<String> inputs;

    private Containers(List<Container> all, Set<String> inputs) {
        this.all = List.copyOf(all);
        this.inputs = Set.copyOf(inputs);
    }

    public static Containers of(AuditContext ctx) {
        return ctx.model(Containers.class, Containers::load);
    }

    private static Containers load(AuditContext ctx) {
        ComposeProject compose = ComposeProject.of(ctx);
        BuiltImages builds = BuiltImages.of(ctx);
        List<Container> out = new ArrayList<>();
        Set<String> inputs = new LinkedHashSet<>(compose.inputs());
        inputs.addAll(builds.inputs());
        Set<String> built = new LinkedHashSet<>();
        for (ComposeStack stack : compose.stacks()) {
            for (ComposeService s : stack.services().values()) {
                Optional<ComposeService.Build> b = s.build();
                if (b.isPresent() && b.get().context().isPresent() && b.get().dockerfile().isPresent()) {
                    ctx.workspace().file(b.get().dockerfile().get()).ifPresent(df -> built.add(df.path()));
                }
            }
        }
        List<ComposeService> unlinked = new ArrayList<>();
        for (ComposeStack stack : compose.stacks()) {
            for (ComposeService s : stack.services().values()) {
                Optional<ImageBuild> image = Optional.empty();
                Optional<Text> link = Optional.empty();
                Optional<ComposeService.Build> b = s.build();
                if (b.isPresent() && b.get().context().isPresent() && b.get().dockerfile().isPresent()) {
                    Optional<SourceFile> df = ctx.workspace().file(b.get().dockerfile().get());
                    if (df.isPresent()) {
                        inputs.add(df.get().path());
                        image = ImageBuild.of(Dockerfile.of(ctx, df.get()), b.get().context().get(), b.get().target(),
                                b.get().args(), ctx.workspace());
                    }
                } else if (!s.hasBuild() && s.image().isPresent()) {
                    // `image: acme/prometheus` that a build of the repository makes from one of its Dockerfiles
                    Optional<BuiltImages.Recipe> recipe = builds.recipeFor(s.image().get().value());
                    Optional<SourceFile> df = recipe.flatMap(r -> ctx.workspace().file(r.dockerfile()));
                    if (df.isPresent()) {
                        built.add(df.get().path());
                        inputs.add(df.get().path());
                        image = ImageBuild.of(Dockerfile.of(ctx, df.get()), recipe.get().context(),
                                recipe.get().target(), recipe.get().args(), ctx.workspace());
                        link = image.map(i -> recipe.get().howText());
                    }
                }
                Optional<Container.ProbableBuild> probable = Optional.empty();
                if (image.isEmpty() && !s.hasBuild() && s.image().isPresent()) {
                    probable = builds.guess(s.image().get().value(), built).flatMap(g -> ctx.workspace()
                            .file(g.dockerfile()).flatMap(df -> ImageBuild.of(Dockerfile.of(ctx, df), g.context(),
                                    Optional.empty(), Map.of(), ctx.workspace())).map(i -> new Container.ProbableBuild(
                                    i, g.whyText())));
                }
                out.add(Container.of(stack, s, image, link, probable));
            }
        }
        for (SourceFile f : ctx.workspace().files()) {
            if (!Dockerfile.isDockerfileName(f.name()) || built.contains(f.path()) || f.size() > 1024 * 1024) {
                continue;
            }
            inputs.add(f.path());
            Dockerfile df = Dockerfile.of(ctx, f);
            // `docker build .` beside the Dockerfile is the usual context; a Dockerfile under docker/ often copies
            // paths from the repository root: take the context under which more of its sources exist
            Optional<ImageBuild> beside = ImageBuild.of(df, f.folder(), Optional.empty(), Map.of(), ctx.workspace());
            Optional<ImageBuild> root = f.folder().isEmpty() ? Optional.empty()
                    : ImageBuild.of(df, "", Optional.empty(), Map.of(), ctx.workspace());
            Optional<ImageBuild> best = root.isPresent() && beside.isPresent()
                    && root.get().files().size() > beside.get().files().size() ? root : beside;
            best.ifPresent(b -> out.add(Container.of(b)));
        }
        return new Containers(out, inputs);
    }

    public List<Container> all() {
        return all;
    }

    /** The container of a compose service (the same service object the compose model holds). */
    public Optional<Container> of(ComposeService service) {
        return all.stream().filter(c -> c.service().filter(s -> s == service).isPresent()).findFirst();
    }

    /** Compose files and Dockerfiles the model was built from. */
    public Set<String> inputs() {
        return inputs;
    }
}
