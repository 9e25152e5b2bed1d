/**
 * The use cases: one transaction per change (load, apply the domain change, save, append audit records, enqueue
 * outbox rows), and the signal intake that decides on changes. Commands, controllers and jobs call these.
 */
package dev.detour.incidents.application;
