package io.samokoder.model.claims;

import java.util.Optional;

/**
 * How a document says the thing behind an endpoint is started: the command of the endpoint's own section (before it,
 * else after it), else of the introductions of the sections that contain it, else nothing.
 *
 * @param launch the command that applies, empty when no section around the endpoint starts anything
 */
public record RunContext(Optional<Launch> launch) {

    public static final RunContext NONE = new RunContext(Optional.empty());

    public boolean isCompose() {
        return launch.isPresent() && launch.get().isCompose();
    }

    public boolean isOther() {
        return launch.isPresent() && !launch.get().isCompose();
    }
}
