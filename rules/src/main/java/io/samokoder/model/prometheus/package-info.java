/**
 * Prometheus configurations: {@code PrometheusConfigs.of(ctx)} finds them by name, by content and as the file each
 * container running Prometheus reads (bind mount, compose config, a file its image copies, a render or copy step),
 * and joins each with the containers that run it ({@code runnersOf(path)}, {@code reach(...)} for rule and
 * service-discovery files); {@link io.samokoder.model.prometheus.PrometheusConfig} holds jobs, targets with lines,
 * discovery, Alertmanagers and rule files.
 */
package io.samokoder.model.prometheus;
