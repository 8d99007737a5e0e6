package io.github.lambdasim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

/**
 * StandardNormal.quantile is the inverse normal CDF to near double precision over the whole open
 * interval, including the far tails: it agrees with commons-math where commons-math is accurate,
 * with a Newton-refined reference everywhere, inverts cdf, is odd about 1/2, and is monotone (up
 * to rounding) and continuous across the approximation's region boundaries.
 */
class StandardNormalTest {
    private static final NormalDistribution COMMONS = new NormalDistribution(null, 0, 1);

    @Test
    void agreesWithCommonsMathWhereCommonsMathIsAccurate() {
        // commons-math 3.6.1 computes sqrt(2) * erfInv(2p - 1): 2p - 1 cancels in the lower tail
        // (relative error 2e-9 at p = 1e-10, -Infinity below about 1e-17), so it is a reference
        // only for p >= 1e-8; the far tails are checked against the Newton reference below.
        List<Double> ps = new ArrayList<>(List.of(0.5, 1 - 1e-10, 1 - 1e-15, 0.075, 0.925));
        for (int k = 1; k < 1000; k++) {
            ps.add(k / 1000.0);
        }
        for (int j = 1; j <= 8; j++) {
            ps.add(Math.pow(10, -j));
            ps.add(3 * Math.pow(10, -j));
            ps.add(1 - Math.pow(10, -j));
        }
        for (double p : ps) {
            double expected = COMMONS.inverseCumulativeProbability(p);
            double actual = StandardNormal.quantile(p);
            double tolerance = Math.abs(expected) < 1e-3 ? 1e-12 : 1e-9 * Math.abs(expected);
            assertEquals(expected, actual, tolerance, "p = " + p);
        }
    }

    @Test
    void matchesTheReferenceToNearDoublePrecisionIntoTheFarTails() {
        List<Double> ps = new ArrayList<>(List.of(Double.MIN_VALUE, 1e-320, Double.MIN_NORMAL,
                1e-300, 1e-200, 1e-100, 1e-50, 1e-20, 1e-15, 0x1.0p-53, 1e-10, 1.39e-11, 1.4e-11,
                1e-5, 0.0749, 0.0751, 0.3, 0.4999, 0.5001, 1 - 1e-10, 1 - 0x1.0p-53, Math.nextDown(1.0)));
        for (int k = 1; k < 100; k++) {
            ps.add(k / 100.0);
        }
        for (int e = -1070; e < 0; e += 7) {
            ps.add(Math.scalb(1.0, e));
        }
        for (double p : ps) {
            double expected = referenceQuantile(p);
            assertEquals(expected, StandardNormal.quantile(p), 1e-14 * Math.abs(expected) + 1e-16,
                    "p = " + p);
        }
    }

    @Test
    void referenceLogCdfsAgreeWhereBothApply() {
        // The reference switches from commons-math's erfc to the asymptotic series at x = -15;
        // where both are accurate they must agree, or the reference itself would be suspect.
        for (double x = -35; x <= -8; x += 0.25) {
            double viaErfc = Math.log(0.5 * Erf.erfc(-x / Math.sqrt(2)));
            assertEquals(viaErfc, logCdfAsymptotic(x), 1e-14 * Math.abs(viaErfc), "x = " + x);
        }
    }

    @Test
    void invertsTheCdf() {
        for (double x = -37; x <= 8; x += 0.01) {
            double p = StandardNormal.cdf(x);
            double pdf = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
            // What p's own error allows: its rounding (the only limit for x > 0, where p is near 1)
            // and a relative error of erfc of a few ulps, divided by the slope of the CDF.
            double tolerance = 1e-14 * Math.max(1, Math.abs(x)) + (Math.ulp(p) + 1e-14 * p) / pdf;
            assertEquals(x, StandardNormal.quantile(p), tolerance, "x = " + x);
        }
    }

    @Test
    void isOddAboutOneHalf() {
        // p = k / 2^20 makes 1 - p exact, so the two results must be exact negatives.
        for (int k = 1; k < (1 << 19); k += 37) {
            double p = k * 0x1.0p-20;
            assertEquals(-StandardNormal.quantile(p), StandardNormal.quantile(1 - p), 0.0, "p = " + p);
        }
    }

    @Test
    void isMonotoneAndContinuousAcrossRegionBoundaries() {
        // AS241 switches approximation at |p - 0.5| = 0.425 and at sqrt(-log p) = 5. Stepping p by
        // one ulp, the quantile may wobble down by rounding (a few ulps) but never steps: each
        // change is bounded by the slope of the quantile, 1 / pdf.
        double[] boundaries = {0.075, 0.925, Math.exp(-25), 1 - Math.exp(-25)};
        for (double boundary : boundaries) {
            double p = boundary;
            for (int i = 0; i < 20_000; i++) {
                p = Math.nextDown(p);
            }
            double previous = StandardNormal.quantile(p);
            for (int i = 0; i < 40_000; i++) {
                double previousP = p;
                p = Math.nextUp(p);
                double current = StandardNormal.quantile(p);
                double pdf = Math.exp(-0.5 * previous * previous) / Math.sqrt(2 * Math.PI);
                // Up to 4 ulps of rounding in each value; a rise may undo a previous dip.
                double roundingSlack = 4 * Math.ulp(previous);
                assertTrue(current >= previous - roundingSlack, "decreases at p = " + p);
                assertTrue(current - previous <= 1.01 * (p - previousP) / pdf + 2 * roundingSlack,
                        "steps at p = " + p);
                previous = current;
            }
        }
    }

    @Test
    void handlesTheEdgesOfTheDomain() {
        assertEquals(Double.NEGATIVE_INFINITY, StandardNormal.quantile(0.0));
        assertEquals(Double.NEGATIVE_INFINITY, StandardNormal.quantile(-0.0));
        assertEquals(Double.NEGATIVE_INFINITY, StandardNormal.quantile(-1.0));
        assertEquals(Double.NEGATIVE_INFINITY, StandardNormal.quantile(Double.NEGATIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, StandardNormal.quantile(1.0));
        assertEquals(Double.POSITIVE_INFINITY, StandardNormal.quantile(2.0));
        assertEquals(Double.POSITIVE_INFINITY, StandardNormal.quantile(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(StandardNormal.quantile(Double.NaN)));
        assertEquals(0.0, StandardNormal.quantile(0.5));
        assertTrue(Double.isFinite(StandardNormal.quantile(Double.MIN_VALUE)));
        assertTrue(Double.isFinite(StandardNormal.quantile(Math.nextDown(1.0))));
    }

    @Test
    void cdfMatchesCommonsMath() {
        assertEquals(0.5, StandardNormal.cdf(0.0));
        assertEquals(0.0, StandardNormal.cdf(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, StandardNormal.cdf(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(StandardNormal.cdf(Double.NaN)));
        for (double x = -30; x <= 10; x += 0.125) {
            double expected = COMMONS.cumulativeProbability(x);
            assertEquals(expected, StandardNormal.cdf(x), 1e-15 * expected, "x = " + x);
        }
    }

    /**
     * The exact quantile up to a few ulps: Newton's method on log cdf(x) = log p, with log cdf from
     * commons-math's erfc (accurate in relative terms) or, below x = -15 where erfc approaches
     * underflow, from the asymptotic series. For p > 1/2, 1 - p is exact and the quantile is odd.
     */
    static double referenceQuantile(double p) {
        if (p > 0.5) {
            return -referenceQuantile(1 - p);
        }
        if (p == 0.5) {
            return 0.0;
        }
        double logP = Math.log(p);
        // Start from the tail asymptote (or 0), independent of the code under test.
        double x = logP < -3 ? -Math.sqrt(-2 * logP - Math.log(-4 * Math.PI * logP)) : 0.0;
        for (int i = 0; i < 100; i++) {
            double logCdf = x < -15 ? logCdfAsymptotic(x) : Math.log(0.5 * Erf.erfc(-x / Math.sqrt(2)));
            double logPdf = -0.5 * x * x - 0.5 * Math.log(2 * Math.PI);
            double step = (logCdf - logP) / Math.exp(logPdf - logCdf);
            x -= step;
            if (Math.abs(step) <= 1e-17 * Math.max(1, Math.abs(x))) {
                break;
            }
        }
        return x;
    }

    /**
     * log cdf(x) for x << 0 from Mills' ratio, cdf(x) = pdf(x) / |x| * sum (-1)^k (2k-1)!! / x^2k,
     * summed while the terms shrink.
     */
    static double logCdfAsymptotic(double x) {
        double z = 1 / (x * x);
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 1000; k++) {
            double next = -term * (2 * k - 1) * z;
            if (Math.abs(next) >= Math.abs(term) || Math.abs(next) < 1e-18) {
                break;
            }
            term = next;
            sum += term;
        }
        return -0.5 * x * x - Math.log(-x) - 0.5 * Math.log(2 * Math.PI) + Math.log(sum);
    }
}
