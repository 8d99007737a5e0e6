package io.github.lambdasim.model;

/**
 * The account as a whole over a run: requests in flight over all its functions (what the
 * account's concurrency limit bounds), as a time-weighted mean and a maximum, for the run and for
 * each metrics period (CloudWatch's account-level ConcurrentExecutions).
 */
public record AccountResult(double concurrencyMean, long concurrencyMax, double[] periodConcurrencyMax,
                            double[] periodConcurrencyAvg) {
    public AccountResult {
        periodConcurrencyMax = periodConcurrencyMax.clone();
        periodConcurrencyAvg = periodConcurrencyAvg.clone();
    }

    @Override
    public double[] periodConcurrencyMax() {
        return periodConcurrencyMax.clone();
    }

    @Override
    public double[] periodConcurrencyAvg() {
        return periodConcurrencyAvg.clone();
    }
}
