/**
 * Work nobody asks for: scheduled jobs (each a named {@code @Job}, run on one replica through
 * {@code lifecycle.SingleWriter}) and what runs once at startup. Jobs call use cases; nothing calls a job.
 */
package dev.detour.incidents.jobs;
