/** Signing in and out, the current user, the user's own account and API tokens, and user administration. */
@NullMarked
package dev.slipway.ui.security;

import org.jspecify.annotations.NullMarked;
