package io.github.lambdasim.billing;

import static io.github.lambdasim.billing.BillFormat.usd;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.lambdasim.billing.Bill.Estimate;
import io.github.lambdasim.billing.Bill.FunctionBill;
import io.github.lambdasim.billing.SavingsPlanResult.Hour;
import io.github.lambdasim.billing.SavingsPlanResult.Totals;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compute Savings Plans applied to a bill, hour by hour. Each hour's eligible charges (on-demand
 * duration, provisioned concurrency, provisioned duration: {@code billing.yaml} says which) are
 * covered at the plan's rate (on-demand x (1 - discount)) until the hour's commitment is used up;
 * the rest is billed on demand; the commitment is charged whether used or not. The bill's
 * eligible charges stay as they are, and a savings-plan line adds the commitment less the
 * on-demand charges it covered (negative when the plan saves). The month is the run's hours
 * repeated: each total x month / run, as the rest of the bill is projected.
 */
public final class SavingsPlans {
    private static final String RESOURCE = "billing.yaml";
    private static final BigDecimal MICROS_PER_HOUR = BigDecimal.valueOf(3_600_000_000L);
    private static final BigDecimal MAX_DISCOUNT;
    private static final Set<String> ELIGIBLE;

    static {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        try (InputStream in = SavingsPlans.class.getResourceAsStream(RESOURCE)) {
            JsonNode section = mapper.readTree(in).get("savingsPlans");
            MAX_DISCOUNT = section.get("maxDiscount").decimalValue();
            Set<String> eligible = new TreeSet<>();
            section.get("eligible").forEach(n -> eligible.add(n.asText()));
            ELIGIBLE = Set.copyOf(eligible);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private SavingsPlans() {
    }

    /** The highest discount a Compute Savings Plan gives on Lambda (0.17, a 3-year plan). */
    public static BigDecimal maxDiscount() {
        return MAX_DISCOUNT;
    }

    /**
     * Whether a plan covers the charge component named as summary.json names it ({@code compute},
     * {@code provisioned}, {@code provisionedCompute}: yes; {@code requests}...: no).
     */
    public static boolean eligible(String component) {
        return ELIGIBLE.contains(component);
    }

    /** One hour's plan, given its eligible charges at on-demand rates. */
    static Hour hour(SavingsPlanSpec plan, long startMicros, long lengthMicros, BigDecimal eligibleUsd) {
        BigDecimal rate = BigDecimal.ONE.subtract(plan.discount());
        BigDecimal commitment = plan.commitmentUsdPerHour().multiply(BigDecimal.valueOf(lengthMicros))
                .divide(MICROS_PER_HOUR, Billing.MC);
        BigDecimal covered = eligibleUsd.min(commitment.divide(rate, Billing.MC));
        BigDecimal used = covered.multiply(rate).min(commitment);
        return new Hour(startMicros, lengthMicros, eligibleUsd, commitment, used, covered, eligibleUsd.subtract(covered));
    }

    /**
     * The bill with the plan applied.
     *
     * @param eligible    per function (the bill's order) and hour, the run's eligible charges at
     *                    on-demand rates in USD (its share of the period's bill)
     * @param hourStarts  each hour's start in the run
     * @param hourLengths each hour's length (the last may be shorter)
     */
    public static Bill apply(Bill bill, double[][] eligible, long[] hourStarts, long[] hourLengths) {
        SavingsPlanSpec plan = bill.spec().savingsPlan();
        int n = bill.functions().size();
        int hoursCount = hourStarts.length;
        List<Hour> hours = new ArrayList<>(hoursCount);
        BigDecimal[] adjustmentOf = new BigDecimal[n];
        java.util.Arrays.fill(adjustmentOf, BigDecimal.ZERO);
        BigDecimal[] eligibleOf = new BigDecimal[n];
        java.util.Arrays.fill(eligibleOf, BigDecimal.ZERO);
        BigDecimal idleCommitment = BigDecimal.ZERO;
        for (int h = 0; h < hoursCount; h++) {
            BigDecimal[] e = new BigDecimal[n];
            BigDecimal total = BigDecimal.ZERO;
            for (int f = 0; f < n; f++) {
                e[f] = BigDecimal.valueOf(Math.max(0, eligible[f][h]));
                eligibleOf[f] = eligibleOf[f].add(e[f]);
                total = total.add(e[f]);
            }
            Hour hour = hour(plan, hourStarts[h], hourLengths[h], total);
            hours.add(hour);
            BigDecimal adjustment = hour.commitmentUsd().subtract(hour.coveredUsd());
            if (total.signum() == 0) {
                idleCommitment = idleCommitment.add(adjustment);
                continue;
            }
            BigDecimal[] shares = Billing.share(adjustment, e);
            for (int f = 0; f < n; f++) {
                adjustmentOf[f] = adjustmentOf[f].add(shares[f]);
            }
        }
        // Commitment of hours without eligible charges: shared by the run's eligible charges, else
        // by requests, else evenly.
        BigDecimal[] weights = eligibleOf.clone();
        if (java.util.Arrays.stream(weights).allMatch(w -> w.signum() == 0)) {
            for (int f = 0; f < n; f++) {
                weights[f] = bill.functions().get(f).period().usage().requests();
            }
        }
        if (java.util.Arrays.stream(weights).allMatch(w -> w.signum() == 0)) {
            java.util.Arrays.fill(weights, BigDecimal.ONE);
        }
        BigDecimal[] idleShares = Billing.share(idleCommitment, weights);
        for (int f = 0; f < n; f++) {
            adjustmentOf[f] = adjustmentOf[f].add(idleShares[f]);
        }

        Totals run = totals(hours);
        BigDecimal monthMicros = BigDecimal.valueOf(bill.spec().monthMicros());
        BigDecimal runMicros = BigDecimal.valueOf(bill.periodMicros());
        java.util.function.UnaryOperator<BigDecimal> toMonth = x -> x.multiply(monthMicros).divide(runMicros, Billing.MC);
        Totals month = new Totals(toMonth.apply(run.eligibleUsd()), toMonth.apply(run.commitmentUsd()),
                toMonth.apply(run.usedUsd()), toMonth.apply(run.coveredUsd()), toMonth.apply(run.overflowUsd()));
        SavingsPlanResult result = new SavingsPlanResult(plan, hours, run, month);

        List<Estimate> periodOf = new ArrayList<>(n);
        List<Estimate> monthOf = new ArrayList<>(n);
        for (int f = 0; f < n; f++) {
            FunctionBill fb = bill.functions().get(f);
            periodOf.add(with(fb.period(), adjustmentOf[f]));
            monthOf.add(with(fb.month(), toMonth.apply(adjustmentOf[f])));
        }
        Estimate periodAccount = Billing.sum(periodOf);
        Estimate monthAccount = Billing.sum(monthOf);
        List<Estimate> periodCents = Billing.withCents(periodAccount, periodOf);
        List<Estimate> monthCents = Billing.withCents(monthAccount, monthOf);
        List<FunctionBill> functions = new ArrayList<>(n);
        for (int f = 0; f < n; f++) {
            FunctionBill fb = bill.functions().get(f);
            functions.add(new FunctionBill(fb.functionName(), fb.architecture(), monthCents.get(f), periodCents.get(f)));
        }
        Estimate monthEstimate = Billing.withCents(new Estimate(bill.month().usage(), monthAccount.exactUsd(), null,
                bill.month().freeTier()));
        Estimate periodEstimate = Billing.withCents(new Estimate(bill.period().usage(), periodAccount.exactUsd(), null,
                bill.period().freeTier()));
        List<String> lines = new ArrayList<>(bill.explanation());
        lines.addAll(explain(result, bill, monthEstimate));
        return new Bill(bill.spec(), bill.periodMicros(), monthEstimate, periodEstimate, functions, lines, result);
    }

    private static Estimate with(Estimate e, BigDecimal adjustment) {
        return new Estimate(e.usage(), e.exactUsd().withSavingsPlan(adjustment), null, e.freeTier());
    }

    private static Totals totals(List<Hour> hours) {
        BigDecimal eligible = BigDecimal.ZERO;
        BigDecimal commitment = BigDecimal.ZERO;
        BigDecimal used = BigDecimal.ZERO;
        BigDecimal covered = BigDecimal.ZERO;
        BigDecimal overflow = BigDecimal.ZERO;
        for (Hour h : hours) {
            eligible = eligible.add(h.eligibleUsd());
            commitment = commitment.add(h.commitmentUsd());
            used = used.add(h.usedUsd());
            covered = covered.add(h.coveredUsd());
            overflow = overflow.add(h.overflowUsd());
        }
        return new Totals(eligible, commitment, used, covered, overflow);
    }

    private static List<String> explain(SavingsPlanResult r, Bill bill, Estimate month) {
        SavingsPlanSpec p = r.plan();
        Totals m = r.month();
        List<String> out = new ArrayList<>();
        String percent = p.discount().movePointRight(2).stripTrailingZeros().toPlainString() + "%";
        out.add("Compute Savings Plan: " + usd4(p.commitmentUsdPerHour()) + " an hour committed, " + percent
                + " off on-demand duration and provisioned charges (not requests or ephemeral storage), hour by hour,"
                + " after the free tier");
        out.add("  Each hour: covered = min(eligible, commitment / (1 - " + p.discount().toPlainString()
                + ")); overflow = eligible - covered, on demand; the commitment is charged, used or not");
        long underHours = r.hours().stream().filter(h -> h.unusedUsd().signum() > 0).count();
        out.add("  Over the run's " + r.hours().size() + " hour" + (r.hours().size() == 1 ? "" : "s") + ": "
                + underHours + " with commitment unused, " + r.hours().stream().filter(h -> h.overflowUsd().signum() > 0)
                .count() + " with on-demand overflow");
        out.add("  Month (the run's hours repeated x " + BillFormat.time(bill.spec().monthMicros()) + " / "
                + BillFormat.time(bill.periodMicros()) + "): eligible charges " + usd(m.eligibleUsd())
                + " at on-demand rates");
        out.add("    commitment " + usd(m.commitmentUsd()) + " = used " + usd(m.usedUsd()) + " + unused "
                + usd(m.unusedUsd()) + "; on-demand overflow " + usd(m.overflowUsd()));
        out.add("    eligible charges with the plan = " + usd(m.commitmentUsd()) + " + " + usd(m.overflowUsd()) + " = "
                + usd(m.withPlanUsd()) + " against " + usd(m.eligibleUsd()) + " without: "
                + (m.savingUsd().signum() >= 0 ? "saves " + usd(m.savingUsd()) : "costs " + usd(m.savingUsd().negate())
                + " more"));
        out.add("Total monthly charges with the plan = " + BillExplainer.sumOf(month.costUsd()) + " = "
                + usd(month.costUsd().total()));
        return out;
    }

    private static String usd4(BigDecimal v) {
        return BillFormat.usd4(v).replaceAll("0{1,2}$", "");
    }
}
