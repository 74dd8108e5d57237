/**
 * Which environment a file of the repository serves: a developer's machine (a stack the repository's documentation or
 * comments declare local-development-only, a dev stack beside its production stack, a stack of backing services for
 * an application run on the host, a Play-with-Docker sandbox) or a deployment, and which environment variables the
 * repository's deployments (compose services, Kubernetes manifests) pass to programs. Rules consult it for
 * severities; it judges nothing itself.
 */
package io.samokoder.model.environments;
