package io.samokoder.model.environments;

import io.samokoder.i18n.Text;

/**
 * Why the model decided what it did, for a finding's message: the file and line it read and what that line says, in a
 * short sentence ({@code README.md:10 says "… must not be deployed in production"}).
 */
public record Evidence(String path, int line, Text saysText) {

    /** What the file says, in English. */
    public String says() {
        return saysText.english();
    }

    /** {@code path:line says}, or {@code path says} when no line applies. */
    public Text message() {
        return Text.of("model.evidence.at", line > 0 ? path + ":" + line : path, saysText);
    }

    /** {@link #message()} in English. */
    public String text() {
        return message().english();
    }
}
