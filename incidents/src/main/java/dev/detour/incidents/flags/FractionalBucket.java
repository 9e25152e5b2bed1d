package dev.detour.incidents.flags;

import java.nio.charset.StandardCharsets;

/**
 * Which share of traffic a targeting key falls into, computed exactly as flagd's {@code fractional} operator does
 * (docs/flags.md, "While a target ramps"), so OFREP and a flagd file written by Detour put every key in the same
 * bucket: the UTF-8 bytes of {@code flagKey + targetingKey} are hashed with MurmurHash3 (x86, 32 bit, seed 0),
 * the absolute value of the signed hash is divided by {@link Integer#MAX_VALUE} and multiplied by 100, all in
 * {@code float} arithmetic as flagd's Java evaluator does, and a key is in a share of {@code percent} when that
 * bucket is below {@code percent}. A key in at one percentage is in at every larger one (sticky).
 */
public final class FractionalBucket {
    private static final int C1 = 0xcc9e2d51;
    private static final int C2 = 0x1b873593;

    private FractionalBucket() {
    }

    /** Whether {@code targetingKey} is in the first {@code percent}% of {@code flagKey}'s traffic. */
    public static boolean isIn(String flagKey, String targetingKey, int percent) {
        return bucket(flagKey + targetingKey) < percent;
    }

    /**
     * flagd's bucket of a hash key: {@code |murmur3(key)| / Integer.MAX_VALUE * 100} in {@code float}, from 0 to 100
     * (negative only for the one hash whose absolute value overflows, as in flagd).
     */
    public static float bucket(String hashKey) {
        byte[] bytes = hashKey.getBytes(StandardCharsets.UTF_8);
        int hash = murmur3(bytes, 0);
        return Math.abs(hash) * 1.0f / Integer.MAX_VALUE * 100;
    }

    /** MurmurHash3 x86 32-bit (Austin Appleby's public-domain reference algorithm), as a signed int. */
    public static int murmur3(byte[] data, int seed) {
        int hash = seed;
        int blocks = data.length / 4;
        for (int i = 0; i < blocks; i++) {
            int offset = i * 4;
            int k = (data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8 | (data[offset + 2] & 0xff) << 16
                    | (data[offset + 3] & 0xff) << 24;
            hash ^= mixK(k);
            hash = Integer.rotateLeft(hash, 13) * 5 + 0xe6546b64;
        }
        int tail = blocks * 4;
        int k = 0;
        switch (data.length - tail) {
            case 3:
                k ^= (data[tail + 2] & 0xff) << 16;
                // falls through
            case 2:
                k ^= (data[tail + 1] & 0xff) << 8;
                // falls through
            case 1:
                k ^= data[tail] & 0xff;
                hash ^= mixK(k);
                break;
            default:
                break;
        }
        hash ^= data.length;
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >>> 16;
        return hash;
    }

    private static int mixK(int k) {
        return Integer.rotateLeft(k * C1, 15) * C2;
    }
}
