/**
 * The browser UI (Vaadin Flow). One sub-package per backend feature, mirroring its name; views stay thin
 * and call the feature's service with the current user's {@link dev.slipway.shared.Actor}, so every rule
 * lives in the backend and the UI cannot bypass it.
 */
@NullMarked
package dev.slipway.ui;

import org.jspecify.annotations.NullMarked;
