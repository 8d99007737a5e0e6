package io.github.lambdasim.billing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A Compute Savings Plan: a commitment of {@code commitmentUsdPerHour} of spend at the plan's
 * rates, each hour, which are on-demand rates less {@code discount} (0.17: 17% off).
 */
public record SavingsPlanSpec(BigDecimal commitmentUsdPerHour, BigDecimal discount) {
    public SavingsPlanSpec {
        Objects.requireNonNull(commitmentUsdPerHour, "commitmentUsdPerHour");
        Objects.requireNonNull(discount, "discount");
        if (commitmentUsdPerHour.signum() < 0) {
            throw new IllegalArgumentException("a commitment is not negative: " + commitmentUsdPerHour);
        }
        if (discount.signum() <= 0 || discount.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("a discount is between 0 and 1: " + discount);
        }
    }
}
