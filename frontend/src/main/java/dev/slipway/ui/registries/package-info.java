/** Admin > Registries: the container registries builds push to, and each environment's choice. */
@NullMarked
package dev.slipway.ui.registries;

import org.jspecify.annotations.NullMarked;
