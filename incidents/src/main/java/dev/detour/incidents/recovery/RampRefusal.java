package dev.detour.incidents.recovery;

import dev.detour.incidents.catalog.Target;

/** Why a ramp command changed nothing, as data; {@code messages} puts it into words. */
public sealed interface RampRefusal {

    /** {@code ramp <target> ...} on a target that has no running ramp. */
    record NoRamp(Target target) implements RampRefusal {
    }

    /** Enabling a staged target that already has a ramp: two ramps for one target never run. */
    record AlreadyRamping(Target target, RampState state, int percent) implements RampRefusal {
    }

    /** The command does not fit where the ramp stands (resume a running ramp, retry one that did not roll back). */
    record NotNow(Target target, RampState state, String command) implements RampRefusal {
    }
}
