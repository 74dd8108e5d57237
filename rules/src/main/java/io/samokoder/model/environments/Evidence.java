package io.samokoder.model.environments;

/**
 * Why the model decided what it did, for a finding's message: the file and line it read and what that line says, in a
 * short sentence ({@code README.md:10 says "… must not be deployed in production"}).
 */
public record Evidence(String path, int line, String says) {

    /** {@code path:line says}, or {@code path says} when no line applies. */
    public String text() {
        return (line > 0 ? path + ":" + line : path) + " " + says;
    }
}
