/**
 * Push webhooks from GitHub, GitLab and Gitea/Forgejo. A delivery names its app in the URL
 * ({@code /hooks/github/<app>}), so the app's secret is known before a byte of the body is parsed: the
 * signature (HMAC-SHA256 of the body, or GitLab's token) is checked first, in constant time. Then the
 * event header, not the body, says what the delivery is: pushes are read and may build, everything else
 * is recorded as ignored. Every delivery is stored with its outcome and, for a bounded number, its
 * request (secrets redacted), which the team reads and may have processed again; a delivery id is built
 * once per app.
 */
@NullMarked
package dev.slipway.webhooks;

import org.jspecify.annotations.NullMarked;
