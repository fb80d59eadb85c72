/**
 * Push webhooks from GitHub, GitLab and Gitea. A delivery names its app in the URL
 * ({@code /hooks/github/<app>}), so the app's secret is known before a byte of the body is parsed: the
 * signature (HMAC-SHA256 of the raw body, or GitLab's token) is checked first, in constant time. Every
 * delivery is stored with its outcome; a delivery id is built once.
 */
@NullMarked
package dev.slipway.webhooks;

import org.jspecify.annotations.NullMarked;
