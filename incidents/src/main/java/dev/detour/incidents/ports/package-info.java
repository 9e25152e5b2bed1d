/**
 * What the core needs from storage and other modules use, as interfaces over domain values: {@code persistence}
 * implements them, so no row type and no repository leaves that package. Depends on the domain and {@code java.*}
 * only ({@code DomainIsolationTest}).
 */
package dev.detour.incidents.ports;
