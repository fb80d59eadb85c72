/** An app's push webhooks: where to point the provider, the secret, and what became of each delivery. */
@NullMarked
package dev.slipway.ui.webhooks;

import org.jspecify.annotations.NullMarked;
