package io.github.lambdasim.billing;

import java.math.BigDecimal;

/**
 * One band of the monthly on-demand duration price: GB-seconds of the month up to
 * {@code upToGbSeconds} (counted from the month's first; null for the last band, which has no
 * limit) cost {@code usdPerGbSecond} each.
 */
public record DurationTier(BigDecimal upToGbSeconds, BigDecimal usdPerGbSecond) {
}
