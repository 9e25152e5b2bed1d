package dev.detour.incidents.flags;

import java.util.Map;

/**
 * One flag evaluated for one evaluation context.
 *
 * @param reason OpenFeature's reason: {@code STATIC} (the same for everyone), {@code SPLIT} (chosen by the
 *               targeting key's bucket while a target ramps), {@code DEFAULT} (a split flag evaluated without a
 *               targeting key: the conservative value)
 */
public record FlagEvaluation(String key, Object value, String variant, Reason reason, Map<String, String> metadata) {
    public enum Reason { STATIC, SPLIT, DEFAULT }
}
