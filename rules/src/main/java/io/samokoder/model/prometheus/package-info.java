/**
 * Prometheus configurations: {@code PrometheusConfigs.of(ctx)} finds them by name,
 * by content and through compose {@code --config.file} mounts, and joins each with the compose services that run it
 * ({@code runnersOf(path)}); {@link io.samokoder.model.prometheus.PrometheusConfig} holds jobs, targets with lines,
 * discovery, Alertmanagers and rule files.
 */
package io.samokoder.model.prometheus;
