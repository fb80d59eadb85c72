/**
 * The Kubernetes clusters Slipway deploys to, registered by platform admins: an API endpoint with
 * credentials (a token, a kubeconfig, or the service account of an in-cluster Slipway), or the built-in
 * sandbox that simulates one. Credentials are stored envelope-encrypted and never shown again; an admin
 * can only replace them.
 */
@NullMarked
package dev.slipway.clusters;

import org.jspecify.annotations.NullMarked;
