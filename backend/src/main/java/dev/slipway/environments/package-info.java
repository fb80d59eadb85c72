/**
 * Environments are the ordered stages a release moves through (dev, staging, prod). Each is bound to a
 * cluster and has a namespace rule that says where an app lands in that cluster; protected environments
 * need a maintainer to deploy. Platform admins define them; every signed-in user can see them.
 */
@NullMarked
package dev.slipway.environments;

import org.jspecify.annotations.NullMarked;
