package dev.detour.incidents.routing;

import dev.detour.incidents.catalog.ModelId;

import java.util.Objects;

/** A person's override of a task class's route ({@code /detour route <class> <model|stop>}). */
public sealed interface RouteOverride permits RouteOverride.Pin, RouteOverride.Stop {

    /** How the override reads in the audit trail: {@code pin gpt-5} or {@code stop}. */
    String describe();

    /** Serve this model, whatever the failover policy says. */
    record Pin(ModelId model) implements RouteOverride {
        public Pin {
            Objects.requireNonNull(model, "model");
        }

        @Override
        public String describe() {
            return "pin " + model;
        }
    }

    /** Serve nothing until released. */
    record Stop() implements RouteOverride {
        @Override
        public String describe() {
            return "stop";
        }
    }
}
