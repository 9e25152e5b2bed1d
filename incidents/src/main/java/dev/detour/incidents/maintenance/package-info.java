/** Maintenance windows: planned work on providers and models, announced ahead and optionally routed around (docs/maintenance.md). */
package dev.detour.incidents.maintenance;
