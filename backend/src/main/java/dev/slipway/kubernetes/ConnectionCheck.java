package dev.slipway.kubernetes;

import org.jspecify.annotations.Nullable;

/**
 * What a platform admin learns from "Test connection" on a cluster: whether Slipway reached the API
 * server, which Kubernetes it runs, and whether Slipway's credentials may create Deployments in the
 * namespace asked about. Failures are described in {@link #message}, never thrown.
 *
 * @param reachable            whether the API server answered {@code GET /version}
 * @param serverVersion        the server's version (e.g. "v1.31.2"), when it answered
 * @param canCreateDeployments the API server's answer to "may I create deployments.apps here?", or null
 *                             when it could not be asked
 * @param namespace            the namespace the permission was checked in
 * @param message              one or two sentences for the admin: the result, or what went wrong and
 *                             which setting to fix
 */
public record ConnectionCheck(boolean reachable, @Nullable String serverVersion, @Nullable Boolean canCreateDeployments,
                              String namespace, String message) {
}
