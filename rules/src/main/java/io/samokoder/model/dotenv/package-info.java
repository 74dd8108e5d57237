/**
 * {@code .env} files parsed with docker compose's rules: {@link io.samokoder.model.dotenv.DotEnv#of} (cached per
 * audit), {@code entries()} with lines and quoting, {@code values()}, {@code resolve(environment)}.
 */
package io.samokoder.model.dotenv;
