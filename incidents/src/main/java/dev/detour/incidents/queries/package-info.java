/** Read-only services that build the read model ({@code readmodel}) and the current flag snapshot. */
package dev.detour.incidents.queries;
