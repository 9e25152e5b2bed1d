/** Staged recovery: ramps that bring a target back to a growing share of traffic (docs/recovery.md). */
package dev.detour.incidents.recovery;
