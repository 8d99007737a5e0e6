package io.github.lambdasim.engine;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One named source of randomness: a xoshiro256** generator (Blackman and Vigna) seeded from the
 * triple (scenario seed, stream name, replication). Streams with different names or replications
 * start from unrelated points of a period of 2^256 - 1, so they behave as independent; the same
 * triple gives the same sequence on every JVM, so compared configurations can share arrivals
 * (common random numbers) and reruns are identical.
 *
 * <p>Every variate is drawn by inversion from exactly one uniform, which keeps streams aligned
 * across variants. Sampling allocates nothing. Not thread-safe: one instance per source.
 */
public final class RandomStream {
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private long s0;
    private long s1;
    private long s2;
    private long s3;

    private RandomStream(long s0, long s1, long s2, long s3) {
        if ((s0 | s1 | s2 | s3) == 0) {
            throw new IllegalArgumentException("xoshiro256** state must not be all zero");
        }
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
    }

    /**
     * The stream named {@code streamName} (e.g. {@code "arrivals/checkout"}) of replication
     * {@code replication} in a scenario seeded with {@code scenarioSeed}.
     */
    public static RandomStream of(long scenarioSeed, String streamName, int replication) {
        Objects.requireNonNull(streamName, "streamName");
        // Each component goes through a full-avalanche mixer before the next is folded in, so
        // nearby seeds, names or replications give unrelated states.
        long h = fmix64(scenarioSeed + GOLDEN_GAMMA);
        h = fmix64(h ^ hashUtf8(streamName));
        h = fmix64(h ^ ((replication & 0xffffffffL) * GOLDEN_GAMMA));
        // SplitMix64 expands the 64-bit seed to 256 bits, as the xoshiro authors recommend.
        long x = h;
        long a = fmix64Stafford(x += GOLDEN_GAMMA);
        long b = fmix64Stafford(x += GOLDEN_GAMMA);
        long c = fmix64Stafford(x += GOLDEN_GAMMA);
        long d = fmix64Stafford(x += GOLDEN_GAMMA);
        if ((a | b | c | d) == 0) {
            a = GOLDEN_GAMMA; // unreachable in practice; the all-zero state would stick at zero
        }
        return new RandomStream(a, b, c, d);
    }

    /** A generator with the given raw state, for checking against the reference outputs. */
    static RandomStream fromState(long s0, long s1, long s2, long s3) {
        return new RandomStream(s0, s1, s2, s3);
    }

    /** The next 64 uniformly distributed bits. */
    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /**
     * A uniform in the open interval (0, 1): {@code (k + 0.5) / 2^52} for a uniform 52-bit k, so
     * never 0 or 1 and {@code log}, {@code log(1 - u)} and inverse CDFs are always finite.
     */
    public double nextDouble() {
        return ((nextLong() >>> 12) + 0.5) * 0x1.0p-52;
    }

    /**
     * A uniform integer in [0, bound), without bias (Lemire's multiply-and-reject).
     *
     * @throws IllegalArgumentException if bound is not positive
     */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xffffffffL;
        if (low < bound) {
            // Reject the (2^32 mod bound) low values that would make some results more likely.
            long threshold = (0x1_0000_0000L - bound) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xffffffffL;
            }
        }
        return (int) (m >>> 32);
    }

    /** True with the given probability (false for probability <= 0, true for >= 1). */
    public boolean nextBoolean(double probability) {
        return nextDouble() < probability;
    }

    /**
     * An exponential variate with the given mean, by inversion of the CDF:
     * {@code -mean * log(1 - u)}, the same value as
     * {@code ExponentialDistribution.inverseCumulativeProbability(u)}, increasing in u.
     * {@code 1 - u} is exact for the uniforms of {@link #nextDouble()}.
     */
    public double nextExponential(double mean) {
        return -mean * Math.log(1.0 - nextDouble());
    }

    /** A standard normal variate by inversion, in about [-8.1, 8.1] given the 52-bit uniforms. */
    public double nextStandardNormal() {
        return StandardNormal.quantile(nextDouble());
    }

    /** 64-bit FNV-1a of the UTF-8 bytes: fixed across JVMs, unlike String.hashCode's 32 bits. */
    static long hashUtf8(String text) {
        long h = FNV_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= FNV_PRIME;
        }
        return h;
    }

    /** MurmurHash3's 64-bit finalizer. */
    static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** SplitMix64's output function (Stafford's Mix13). */
    static long fmix64Stafford(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
