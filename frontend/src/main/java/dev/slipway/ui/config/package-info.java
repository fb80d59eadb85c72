/** An app's variables and secrets per environment: the config section, its dialogs and its history. */
@NullMarked
package dev.slipway.ui.config;

import org.jspecify.annotations.NullMarked;
