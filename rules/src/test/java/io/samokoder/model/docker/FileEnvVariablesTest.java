package io.samokoder.model.docker;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which variables an entrypoint reads from the file their {@code _FILE} variable names. */
class FileEnvVariablesTest {

    @Test
    void theFileEnvFunctionOfTheOfficialImagesAndADirectRead() {
        FileEnvVariables v = FileEnvVariables.parse("""
                #!/bin/bash
                file_env() {
                    local var="$1"
                    local fileVar="${var}_FILE"
                    local val="${2:-}"
                    if [ "${!fileVar:-}" ]; then
                        val="$(< "${!fileVar}")"
                    fi
                    export "$var"="$val"
                }

                check_variables() {
                    file_env POSTGRES_USER
                    file_env 'POSTGRES_PASSWORD'
                    DB_PASS=${POSTGRES_PASSWORD:-"app"}
                }
                [ -n "$REDIS_PASSWORD_FILE" ] && REDIS_PASSWORD=$(cat "$REDIS_PASSWORD_FILE")
                SMTP_PASS=${SMTP_PASSWORD:-"app"}
                """);
        assertThat(v.readsFromFile("POSTGRES_USER")).isTrue();
        assertThat(v.readsFromFile("POSTGRES_PASSWORD")).isTrue();
        assertThat(v.readsFromFile("REDIS_PASSWORD")).isTrue();
        assertThat(v.readsFromFile("SMTP_PASSWORD")).isFalse();
    }

    @Test
    void aFunctionThatDoesNotReadAFileVariableSaysNothing() {
        FileEnvVariables v = FileEnvVariables.parse("""
                #!/bin/sh
                require() {
                    eval "[ -n \\"\\${$1}\\" ]" || { echo "$1 is not set" >&2; exit 1; }
                }
                require DB_PASSWORD
                LOG_FILE=/var/log/app.log
                """);
        assertThat(v.readsFromFile("DB_PASSWORD")).isFalse();
        assertThat(v.readsFromFile("LOG")).isFalse(); // $LOG_FILE is not read here: it is set
    }
}
