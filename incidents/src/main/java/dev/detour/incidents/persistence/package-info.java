/**
 * Rows ({@code @MappedEntity} records), Micronaut Data repositories, and the {@code *Table(s)} classes that map rows
 * to domain values and implement {@code ports}. Nothing outside this package but Flyway's Java migrations
 * ({@code db.migration}) uses it ({@code DomainIsolationTest}, {@code ModuleBoundariesTest}).
 */
package dev.detour.incidents.persistence;
