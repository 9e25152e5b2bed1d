/**
 * The two-person rule for big switch-offs (docs/routing.md, "Two-person rule"): a request for approval, an
 * emergency apply awaiting its review, and the decisions about each as values.
 */
package dev.detour.incidents.approval;
