/**
 * Values that describe what Detour is deciding (status, incident reports): plain records built by
 * {@code queries} and read by renderers ({@code messages}) and flag folding, which therefore need no service.
 */
package dev.detour.incidents.readmodel;
