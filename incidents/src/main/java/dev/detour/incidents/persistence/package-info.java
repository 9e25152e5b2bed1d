/**
 * Rows ({@code @MappedEntity} records), Micronaut Data repositories, and the stores and tables that map rows to
 * domain values and implement {@code ports}. Rows never leave this package ({@code DomainIsolationTest},
 * {@code ModuleBoundariesTest}).
 */
package dev.detour.incidents.persistence;
