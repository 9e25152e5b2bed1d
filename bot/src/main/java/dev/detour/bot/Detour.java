package dev.detour.bot;

import io.micronaut.runtime.Micronaut;

/** Starts the Detour service. */
public final class Detour {
    private Detour() {
    }

    public static void main(String[] args) {
        Micronaut.run(Detour.class, args);
    }
}
