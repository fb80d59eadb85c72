/**
 * The append-only record of who changed what. Every service that changes state writes one entry in the
 * same transaction as the change, so the log never claims a change that was rolled back and never misses
 * one that was kept. Platform admins browse and filter it. Entries copy names instead of referencing
 * rows, so they outlive what they describe; they never hold secret values.
 */
@NullMarked
package dev.slipway.audit;

import org.jspecify.annotations.NullMarked;
