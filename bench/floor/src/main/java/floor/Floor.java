package floor;

import io.micronaut.runtime.Micronaut;

/** Starts Micronaut with no beans of its own: the yardstick bench/startup.sh measures Detour's start-up against. */
public final class Floor {
    private Floor() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Floor.class).banner(false).start();
    }
}
