package io.github.lambdasim.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.lambdasim.billing.Architecture;
import io.github.lambdasim.billing.Bill;
import io.github.lambdasim.billing.Bill.Charges;
import io.github.lambdasim.billing.Bill.Estimate;
import io.github.lambdasim.billing.BillFormat;
import io.github.lambdasim.billing.Billing;
import io.github.lambdasim.billing.BillingEra;
import io.github.lambdasim.billing.BillingRules;
import io.github.lambdasim.billing.BillingSpec;
import io.github.lambdasim.billing.Charge;
import io.github.lambdasim.billing.FunctionUsage;
import io.github.lambdasim.billing.ProvisionedInterval;
import io.github.lambdasim.billing.SnapStartPricing;
import io.github.lambdasim.scenario.ScenarioLoader;
import io.github.lambdasim.scenario.Units;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lambdasim cost}: the billing model on aggregate monthly usage, like the AWS Pricing
 * Calculator, explaining every line the way AWS's worked examples do.
 */
@Command(name = "cost", mixinStandardHelpOptions = true,
        description = {"Monthly cost of a Lambda function from aggregate usage, every line explained.",
            "Rounds the average duration to the platform's billing increment, then multiplies by the requests;"
                + " a simulation rounds each invocation instead, which can differ."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the cost was computed", "2:invalid input (each problem is reported)"})
public final class CostCommand implements Callable<Integer> {
    static final int INVALID_INPUT = 2;
    /** The longest month (31 days): the longest a version can be active in one. */
    private static final long MAX_MONTH_MICROS = 744L * 3_600_000_000L;
    private static final String FUNCTION = "function";
    /** The charges cost prices, in the order of {@link Charges#components()}: those up to ephemeral storage. */
    private static final Charge[] COMPONENTS = java.util.Arrays.copyOf(Charge.values(), 5);

    @Spec
    CommandSpec spec;

    @Option(names = "--memory", paramLabel = "MB", description = "Configured memory in MB (required).")
    String memory;

    @Option(names = "--architecture", paramLabel = "x86_64|arm64", defaultValue = "x86_64",
            description = "Instruction set (default: ${DEFAULT-VALUE}).")
    String architecture;

    @Option(names = "--requests", paramLabel = "N|RATE", defaultValue = "0",
            description = "Requests a month served on demand, e.g. 3M or 500k, or a rate kept up all month, e.g."
                    + " 100/s, 3000/min, 2k/h or 50k/d (default: ${DEFAULT-VALUE}).")
    String requests;

    @Option(names = "--duration", paramLabel = "DURATION",
            description = "Average duration of those requests, with a unit, e.g. 120ms; include INIT time where the"
                    + " platform bills it.")
    String duration;

    @Option(names = "--ephemeral-storage", paramLabel = "MB",
            description = "Configured ephemeral storage in MB (default: the 512 MB included).")
    String ephemeralStorage;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region whose prices apply (default: us-east-1).")
    String region;

    @Option(names = "--platform", paramLabel = "current|2019", defaultValue = "current",
            description = "Billing rules of the era: current (1 ms rounding) or 2019 (100 ms) (default: ${DEFAULT-VALUE}).")
    String platform;

    @Option(names = "--free-tier", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Count the monthly free tier (default: on).")
    boolean freeTier;

    @Option(names = "--provisioned-concurrency", paramLabel = "N", defaultValue = "0",
            description = "Provisioned concurrency configured (default: none).")
    String provisionedConcurrency;

    @Option(names = "--provisioned-time", paramLabel = "DURATION",
            description = "How long a month provisioned concurrency is enabled, e.g. 8h or 730h.")
    String provisionedTime;

    @Option(names = "--provisioned-requests", paramLabel = "N", defaultValue = "0",
            description = "Requests a month served by provisioned environments (default: ${DEFAULT-VALUE}).")
    String provisionedRequests;

    @Option(names = "--provisioned-duration", paramLabel = "DURATION",
            description = "Average duration of the requests served by provisioned environments, e.g. 100ms.")
    String provisionedDuration;

    @Option(names = "--snapstart-restores", paramLabel = "N",
            description = "SnapStart snapshots restored a month (cold starts of a Python or .NET function with"
                    + " SnapStart; SnapStart for Java has no charge), e.g. 74.4k.")
    String snapStartRestores;

    @Option(names = "--snapstart-active", paramLabel = "DURATION",
            description = "How long a month the SnapStart version is active (its cache is billed for at least 3 h),"
                    + " e.g. 744h.")
    String snapStartActive;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    /** The inputs once checked. */
    private record Inputs(int memoryMb, Architecture architecture, long requests, String requestRate, long durationMicros,
                          int ephemeralStorageMb, String region, BillingEra era, boolean freeTier,
                          int provisionedConcurrency, long provisionedTimeMicros, long provisionedRequests,
                          long provisionedDurationMicros, long snapStartRestores, long snapStartActiveMicros) {
        boolean snapStart() {
            return snapStartActiveMicros > 0;
        }
    }

    @Override
    public Integer call() {
        List<String> problems = new ArrayList<>();
        Inputs in = check(problems);
        if (!problems.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            for (String p : problems) {
                err.println("lambdasim cost: " + p);
            }
            err.flush();
            return INVALID_INPUT;
        }
        BillingRules rules = BillingRules.get();
        long monthMicros = rules.defaultMonthMicros();
        long billedMs = BillingEra.billedDurationMs(in.durationMicros, in.era);
        long provisionedBilledMs = BillingEra.billedDurationMs(in.provisionedDurationMicros, in.era);
        long onDemandTotalMs;
        long provisionedTotalMs;
        try {
            onDemandTotalMs = in.requests == 0 ? 0 : Math.multiplyExact(in.requests, billedMs);
            provisionedTotalMs = in.provisionedRequests == 0 ? 0
                    : Math.multiplyExact(in.provisionedRequests, provisionedBilledMs);
            Math.addExact(Math.addExact(in.requests, in.provisionedRequests), Math.addExact(onDemandTotalMs, provisionedTotalMs));
        } catch (ArithmeticException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("lambdasim cost: --requests x --duration: more than " + Long.MAX_VALUE + " billed milliseconds (or "
                    + "requests) a month, beyond what lambdasim can bill; give fewer requests or a shorter duration");
            err.flush();
            return INVALID_INPUT;
        }
        List<ProvisionedInterval> intervals = in.provisionedConcurrency == 0 ? List.of()
                : List.of(new ProvisionedInterval(in.provisionedConcurrency, 0, in.provisionedTimeMicros));
        FunctionUsage usage = new FunctionUsage(FUNCTION, in.architecture, in.memoryMb, in.ephemeralStorageMb,
                in.requests + in.provisionedRequests, in.provisionedRequests, onDemandTotalMs, provisionedTotalMs,
                intervals, onDemandTotalMs + provisionedTotalMs);
        BillingSpec billing = new BillingSpec(in.region, in.era, in.freeTier, monthMicros);
        Bill bill = Billing.bill(List.of(usage), monthMicros, billing);

        List<String> lines = new ArrayList<>();
        if (in.requestRate != null) {
            lines.add(in.requestRate);
        }
        lines.add("Usage per month: " + describe(in));
        if (in.requests > 0) {
            lines.add(rounding("", in.durationMicros, billedMs, in.era));
        }
        if (in.provisionedRequests > 0) {
            lines.add(rounding("on provisioned environments ", in.provisionedDurationMicros, provisionedBilledMs,
                    in.era));
        }
        if (in.requests > 0 || in.provisionedRequests > 0) {
            lines.add("(The average is rounded, then multiplied by the requests; a simulation rounds each"
                    + " invocation, which can differ.)");
        }
        lines.addAll(bill.explanation());
        SnapStartPricing.Charges snap = null;
        if (in.snapStart()) {
            snap = SnapStartPricing.get().charges(in.region, in.memoryMb, in.snapStartRestores, in.snapStartActiveMicros);
            lines.addAll(snap.explanation());
            lines.add("Total with SnapStart = " + BillFormat.usd(bill.month().costUsd().total()) + " + "
                    + BillFormat.usd(snap.cacheUsdCents()) + " cache + " + BillFormat.usd(snap.restoreUsdCents())
                    + " restore = " + BillFormat.usd(total(bill, snap)));
        }

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(json(in, billedMs, provisionedBilledMs, bill, snap, lines));
        } else {
            lines.forEach(out::println);
            out.println();
            out.println("Monthly cost (USD; each component rounded to cents, the total their sum):");
            Charges c = bill.month().costUsd();
            BigDecimal[] values = c.components();
            for (int i = 0; i < COMPONENTS.length; i++) {
                out.printf(Locale.ROOT, "  %-24s %12s%n", COMPONENTS[i].label(), BillFormat.usd(values[i]));
            }
            if (snap != null) {
                out.printf(Locale.ROOT, "  %-24s %12s%n", "SnapStart cache", BillFormat.usd(snap.cacheUsdCents()));
                out.printf(Locale.ROOT, "  %-24s %12s%n", "SnapStart restore", BillFormat.usd(snap.restoreUsdCents()));
            }
            out.printf(Locale.ROOT, "  %-24s %12s%n", "total", BillFormat.usd(total(bill, snap)));
        }
        out.flush();
        return 0;
    }

    /** The month's total in cents: the bill's, with the SnapStart charges when there are some. */
    private static BigDecimal total(Bill bill, SnapStartPricing.Charges snap) {
        BigDecimal total = bill.month().costUsd().total();
        return snap == null ? total : total.add(snap.cacheUsdCents()).add(snap.restoreUsdCents());
    }

    private Inputs check(List<String> problems) {
        BillingRules rules = BillingRules.get();
        BillingEra era = BillingEra.named(platform);
        if (era == null) {
            problems.add("--platform: '" + platform + "' is not a platform; known: " + eraLabels());
        }
        Architecture arch = Architecture.named(architecture);
        if (arch == null) {
            problems.add("--architecture: '" + architecture + "' is not an architecture; known: " + architectureLabels());
        } else if (arch == Architecture.ARM64 && era != null) {
            addIf(problems, "--architecture", ScenarioLoader.preset(era.label(), rules.defaultRegion())
                    .anachronism("arm64", "arm64 (Graviton2)"));
        }
        String regionName = region == null ? rules.defaultRegion() : region;
        try {
            rules.region(regionName);
        } catch (IllegalArgumentException e) {
            problems.add("--region: " + e.getMessage());
        }
        Integer memoryMb = null;
        if (memory == null) {
            problems.add("--memory is required: the function's memory in MB, e.g. --memory 1024");
        } else {
            memoryMb = sizeMb("--memory", memory, problems);
            if (memoryMb != null && era != null) {
                addIf(problems, "--memory", ScenarioLoader.preset(era.label(), rules.defaultRegion()).memoryProblem(memoryMb));
            }
        }
        Integer ephemeralMb = ephemeralStorage == null ? Integer.valueOf(rules.ephemeralStorageIncludedMb())
                : sizeMb("--ephemeral-storage", ephemeralStorage, problems);
        if (ephemeralMb != null && era != null) {
            addIf(problems, "--ephemeral-storage",
                    ScenarioLoader.preset(era.label(), rules.defaultRegion()).ephemeralStorageProblem(ephemeralMb));
        }
        String[] rate = new String[1];
        Long requestCount = requests.contains("/") ? monthOf("--requests", requests, rules.defaultMonthMicros(), rate,
                problems) : count("--requests", requests, problems);
        Long durationMicros = durationMicros("--duration", duration, problems);
        if (requestCount != null && requestCount > 0 && duration == null) {
            problems.add("--duration is required with --requests: the average duration, e.g. --duration 120ms");
        }
        Long level = count("--provisioned-concurrency", provisionedConcurrency, problems);
        Long timeMicros = durationMicros("--provisioned-time", provisionedTime, problems);
        Long pcRequests = count("--provisioned-requests", provisionedRequests, problems);
        Long pcDurationMicros = durationMicros("--provisioned-duration", provisionedDuration, problems);
        if (level != null && level > Integer.MAX_VALUE) {
            problems.add("--provisioned-concurrency: " + level + " is too large");
            level = null;
        }
        if (level != null && level > 0) {
            if (provisionedTime == null) {
                problems.add("--provisioned-time is required with --provisioned-concurrency: how long a month it is"
                        + " enabled, e.g. --provisioned-time 8h");
            } else if (timeMicros != null && timeMicros == 0) {
                problems.add("--provisioned-time: " + provisionedTime + " must be longer than 0 when provisioned"
                        + " concurrency is configured");
            }
        }
        if (timeMicros != null && timeMicros > rules.defaultMonthMicros()) {
            problems.add("--provisioned-time: " + provisionedTime + " is longer than the "
                    + BillFormat.time(rules.defaultMonthMicros()) + " billing month");
        }
        if (pcRequests != null && pcRequests > 0) {
            if (level != null && level == 0) {
                problems.add("--provisioned-requests needs --provisioned-concurrency: requests are served by"
                        + " provisioned environments only while some are configured");
            }
            if (provisionedDuration == null) {
                problems.add("--provisioned-duration is required with --provisioned-requests: their average"
                        + " duration, e.g. --provisioned-duration 100ms");
            }
            if (level != null && level > 0 && timeMicros != null && pcDurationMicros != null
                    && BigDecimal.valueOf(pcRequests).multiply(BigDecimal.valueOf(pcDurationMicros))
                    .compareTo(BigDecimal.valueOf(level).multiply(BigDecimal.valueOf(timeMicros))) > 0) {
                problems.add("--provisioned-requests: " + BillFormat.number(pcRequests) + " requests of "
                        + provisionedDuration + " need more time than " + level + " environments enabled for "
                        + provisionedTime + " have");
            }
        }
        Long restores = snapStartRestores == null ? Long.valueOf(0) : count("--snapstart-restores", snapStartRestores, problems);
        Long activeMicros = durationMicros("--snapstart-active", snapStartActive, problems);
        if (snapStartRestores != null && snapStartActive == null) {
            problems.add("--snapstart-active is required with --snapstart-restores: how long a month the SnapStart"
                    + " version is active, e.g. --snapstart-active 744h");
        }
        if (activeMicros != null) {
            if (activeMicros == 0) {
                problems.add("--snapstart-active: " + snapStartActive + " must be longer than 0");
            } else if (activeMicros > MAX_MONTH_MICROS) {
                problems.add("--snapstart-active: " + snapStartActive + " is longer than a month of 31 days (744 h)");
            }
            if (era == BillingEra.Y2019) {
                problems.add("--snapstart-active: SnapStart arrived in Nov 2022 (for Java; Nov 2024 for Python and"
                        + " .NET), after the 2019 platform");
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Inputs(memoryMb, arch, requestCount, rate[0], durationMicros == null ? 0 : durationMicros, ephemeralMb,
                regionName, era, freeTier, level.intValue(), timeMicros == null ? 0 : timeMicros, pcRequests,
                pcDurationMicros == null ? 0 : pcDurationMicros, restores, activeMicros == null ? 0 : activeMicros);
    }

    private static void addIf(List<String> problems, String option, String problem) {
        if (problem != null) {
            problems.add(option + ": " + problem);
        }
    }

    private static Long count(String option, String text, List<String> problems) {
        if (text.trim().startsWith("-")) {
            problems.add(option + ": " + text + " is negative; give 0 or more");
            return null;
        }
        try {
            return Units.parseCount(text);
        } catch (IllegalArgumentException e) {
            problems.add(option + ": " + e.getMessage());
            return null;
        }
    }

    /**
     * The requests a month a rate such as {@code 100/s} gives, as the Pricing Calculator converts it
     * (the rate kept up for the whole billing month), rounded to a whole request; {@code line[0]}
     * gets the conversion for the user to see.
     */
    private static Long monthOf(String option, String text, long monthMicros, String[] line, List<String> problems) {
        BigDecimal exact;
        try {
            exact = Units.countOver(text, monthMicros);
        } catch (IllegalArgumentException e) {
            problems.add(option + ": " + e.getMessage());
            return null;
        }
        BigDecimal whole = exact.setScale(0, java.math.RoundingMode.HALF_UP);
        if (whole.compareTo(BigDecimal.valueOf(9.0e18)) > 0) {
            problems.add(option + ": '" + text + "' is too large a rate (" + BillFormat.number(whole)
                    + " requests a month)");
            return null;
        }
        line[0] = text.trim() + " = " + BillFormat.number(whole.longValueExact()) + " requests a month of "
                + BillFormat.time(monthMicros)
                + (whole.compareTo(exact) == 0 ? "" : " (" + BillFormat.number(exact) + ", rounded to a whole request)");
        return whole.longValueExact();
    }

    private static Long durationMicros(String option, String text, List<String> problems) {
        if (text == null) {
            return null;
        }
        if (text.trim().startsWith("-")) {
            problems.add(option + ": " + text + " is negative; give 0 or more, e.g. 120ms");
            return null;
        }
        try {
            return Units.parseDurationMicros(text);
        } catch (IllegalArgumentException e) {
            problems.add(option + ": " + e.getMessage());
            return null;
        }
    }

    private static Integer sizeMb(String option, String text, List<String> problems) {
        if (text.trim().startsWith("-")) {
            problems.add(option + ": " + text + " is negative");
            return null;
        }
        double mb;
        try {
            mb = Units.parseSizeMb(text);
        } catch (IllegalArgumentException e) {
            problems.add(option + ": " + e.getMessage());
            return null;
        }
        if (mb != Math.rint(mb) || mb > Integer.MAX_VALUE) {
            problems.add(option + ": " + text + " is not a whole number of MB");
            return null;
        }
        return (int) mb;
    }

    private static String describe(Inputs in) {
        List<String> parts = new ArrayList<>();
        String function = in.memoryMb + " MB, " + in.architecture.label();
        if (in.ephemeralStorageMb != BillingRules.get().ephemeralStorageIncludedMb()) {
            function += ", " + in.ephemeralStorageMb + " MB ephemeral storage";
        }
        parts.add(function);
        if (in.requests > 0 || in.provisionedConcurrency == 0) {
            parts.add(BillFormat.number(in.requests) + " requests of " + BillFormat.ms(microsAsMs(in.durationMicros))
                    + " on demand");
        }
        if (in.provisionedConcurrency > 0) {
            parts.add("provisioned concurrency " + BillFormat.number(in.provisionedConcurrency) + " for "
                    + BillFormat.time(in.provisionedTimeMicros) + ", serving "
                    + BillFormat.number(in.provisionedRequests) + " requests of "
                    + BillFormat.ms(microsAsMs(in.provisionedDurationMicros)));
        }
        parts.add(in.region + ", " + in.era.label() + " platform, free tier " + (in.freeTier ? "on" : "off"));
        return String.join("; ", parts);
    }

    private static String rounding(String where, long durationMicros, long billedMs, BillingEra era) {
        return "Billed duration per request " + where + "= " + BillFormat.ms(microsAsMs(durationMicros))
                + " rounded up to " + era.billingIncrementMs() + " ms"
                + (era.minimumBilledMs() > 0 ? " (at least " + era.minimumBilledMs() + " ms)" : "")
                + " = " + BillFormat.number(billedMs) + " ms";
    }

    private static BigDecimal microsAsMs(long micros) {
        return BigDecimal.valueOf(micros).movePointLeft(3);
    }

    private static String json(Inputs in, long billedMs, long provisionedBilledMs, Bill bill,
                               SnapStartPricing.Charges snap, List<String> lines) {
        Estimate m = bill.month();
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> cost = charges(m.costUsd(), false);
        Map<String, Object> exact = charges(m.exactUsd(), true);
        if (snap != null) {
            cost.remove("total");
            cost.put("snapStartCache", snap.cacheUsdCents());
            cost.put("snapStartRestore", snap.restoreUsdCents());
            cost.put("total", total(bill, snap));
            exact.remove("total");
            exact.put("snapStartCache", plain(snap.cacheUsd()));
            exact.put("snapStartRestore", plain(snap.restoreUsd()));
            exact.put("total", plain(m.exactUsd().total().add(snap.cacheUsd()).add(snap.restoreUsd())));
        }
        root.put("costUsd", cost);
        root.put("exactUsd", exact);
        Map<String, Object> free = new LinkedHashMap<>();
        free.put("requests", plain(m.freeTier().requests()));
        free.put("gbSeconds", plain(m.freeTier().gbSeconds()));
        free.put("savedUsd", m.freeTier().savedUsdCents());
        free.put("savedUsdExact", plain(m.freeTier().savedUsd()));
        root.put("freeTier", free);
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("requests", plain(m.usage().requests()));
        usage.put("provisionedRequests", plain(m.usage().provisionedRequests()));
        usage.put("onDemandGbSeconds", plain(m.usage().onDemandGbSeconds()));
        usage.put("provisionedConcurrencyGbSeconds", plain(m.usage().provisionedConcurrencyGbSeconds()));
        usage.put("provisionedGbSeconds", plain(m.usage().provisionedGbSeconds()));
        usage.put("ephemeralStorageGbSeconds", plain(m.usage().ephemeralStorageGbSeconds()));
        root.put("usage", usage);
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("memoryMb", in.memoryMb);
        inputs.put("architecture", in.architecture.label());
        inputs.put("requests", in.requests);
        inputs.put("durationMs", microsAsMs(in.durationMicros).stripTrailingZeros());
        inputs.put("billedDurationMs", billedMs);
        inputs.put("ephemeralStorageMb", in.ephemeralStorageMb);
        inputs.put("region", in.region);
        inputs.put("platform", in.era.label());
        inputs.put("freeTier", in.freeTier);
        inputs.put("provisionedConcurrency", in.provisionedConcurrency);
        inputs.put("provisionedTimeSeconds", BigDecimal.valueOf(in.provisionedTimeMicros).movePointLeft(6)
                .stripTrailingZeros());
        inputs.put("provisionedRequests", in.provisionedRequests);
        inputs.put("provisionedDurationMs", microsAsMs(in.provisionedDurationMicros).stripTrailingZeros());
        inputs.put("provisionedBilledDurationMs", in.provisionedRequests > 0 ? provisionedBilledMs : 0);
        if (snap != null) {
            inputs.put("snapStartRestores", in.snapStartRestores);
            inputs.put("snapStartActiveHours", BigDecimal.valueOf(in.snapStartActiveMicros).movePointLeft(6)
                    .divide(BigDecimal.valueOf(3600), java.math.MathContext.DECIMAL64).stripTrailingZeros());
        }
        inputs.put("monthHours", BigDecimal.valueOf(bill.spec().monthMicros()).movePointLeft(6)
                .divide(BigDecimal.valueOf(3600)).stripTrailingZeros());
        root.put("inputs", inputs);
        root.put("explanation", lines);
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        ObjectMapper mapper = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        try {
            return mapper.writer(printer).writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static Map<String, Object> charges(Charges c, boolean exact) {
        BigDecimal[] values = c.components();
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < COMPONENTS.length; i++) {
            map.put(COMPONENTS[i].key(), exact ? plain(values[i]) : values[i]);
        }
        map.put("total", exact ? plain(c.total()) : c.total());
        return map;
    }

    /** An exact value without trailing zeros (a cents value keeps its two decimals). */
    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static String eraLabels() {
        List<String> labels = new ArrayList<>();
        for (BillingEra e : BillingEra.values()) {
            labels.add(e.label());
        }
        return String.join(", ", labels);
    }

    private static String architectureLabels() {
        List<String> labels = new ArrayList<>();
        for (Architecture a : Architecture.values()) {
            labels.add(a.label());
        }
        return String.join(", ", labels);
    }
}
