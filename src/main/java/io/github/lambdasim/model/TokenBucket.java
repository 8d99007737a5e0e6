package io.github.lambdasim.model;

/**
 * A bucket of tokens refilled up to its size; one token creates one execution environment (the
 * scaling rate: per function in the current era, per account in 2019).
 *
 * <p>The refill is continuous ({@code stepMicros} 0: the current era's 1,000 per 10 s, "refilled
 * continuously"), or in steps: {@code refillPerSecond x step} tokens at once at the end of each
 * full step, the steps counted from the moment a token is first taken from the full bucket, and
 * not counted while it is full (the 2019 era: the initial burst, then +500 environments each
 * minute after it).
 */
final class TokenBucket {
    private final double size;
    private final double perMicro;
    private final long stepMicros;
    private final double perStep;
    private double tokens;
    /** Continuous: when the tokens were last brought up to date. In steps: when the running step began, or -1 while full. */
    private long last;

    TokenBucket(int size, double refillPerSecond, long stepMicros) {
        this.size = size;
        this.perMicro = refillPerSecond / 1e6;
        this.stepMicros = stepMicros;
        this.perStep = refillPerSecond * stepMicros / 1e6;
        this.tokens = size;
        this.last = stepMicros > 0 ? -1 : 0;
    }

    /** When the next whole token will be there (now if there is one). */
    long nextTokenMicros(long now) {
        if (stepMicros > 0) {
            if (tokens >= 1 || last < 0) {
                return now;
            }
            long steps = (now - last) / stepMicros;
            for (long k = steps; ; k++) {
                if (tokens + k * perStep >= 1) {
                    return k == steps ? now : last + k * stepMicros;
                }
            }
        }
        double have = Math.min(size, tokens + (now - last) * perMicro);
        return have >= 1 ? now : now + (long) Math.ceil((1 - have) / perMicro);
    }

    boolean take(long now) {
        if (stepMicros > 0) {
            return takeStepped(now);
        }
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

    private boolean takeStepped(long now) {
        if (last >= 0 && now - last >= stepMicros) {
            long steps = (now - last) / stepMicros;
            tokens = Math.min(size, tokens + steps * perStep);
            last = tokens >= size ? -1 : last + steps * stepMicros;
        }
        if (tokens >= 1) {
            if (last < 0) {
                last = now;
            }
            tokens -= 1;
            return true;
        }
        return false;
    }
}
