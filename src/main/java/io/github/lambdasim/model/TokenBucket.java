package io.github.lambdasim.model;

/**
 * A bucket of tokens refilled continuously up to its size; one token creates one execution
 * environment (the scaling rate: per function in the current era, per account in 2019).
 */
final class TokenBucket {
    private final double size;
    private final double perMicro;
    private double tokens;
    private long last;

    TokenBucket(int size, double refillPerSecond) {
        this.size = size;
        this.perMicro = refillPerSecond / 1e6;
        this.tokens = size;
    }

    /** When the next whole token will be there (now if there is one). */
    long nextTokenMicros(long now) {
        double have = Math.min(size, tokens + (now - last) * perMicro);
        return have >= 1 ? now : now + (long) Math.ceil((1 - have) / perMicro);
    }

    boolean take(long now) {
        if (now > last) {
            tokens = Math.min(size, tokens + (now - last) * perMicro);
            last = now;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
