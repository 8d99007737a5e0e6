package io.github.lambdasim.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** How bills write numbers for people: {@code 3,000,000}, {@code $2.33}, {@code $0.0000166667}, {@code 730 h}. */
public final class BillFormat {
    private static final int PRICE_DECIMALS = 10;
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    private static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;

    private BillFormat() {
    }

    /** A quantity with thousands separators and at most 3 decimals: {@code 540,000}, {@code 1.5}. */
    public static String number(BigDecimal value) {
        return grouped(value.setScale(3, RoundingMode.HALF_UP), 3);
    }

    public static String number(long value) {
        return number(BigDecimal.valueOf(value));
    }

    /** Dollars in cents: {@code $2.33}, {@code $106,000.20}. */
    public static String usd(BigDecimal value) {
        return "$" + groupedFixed(value.setScale(2, RoundingMode.HALF_UP), 2);
    }

    /** Dollars with four decimals, for parts that are added before rounding: {@code $2.3333}. */
    public static String usd4(BigDecimal value) {
        return "$" + groupedFixed(value.setScale(4, RoundingMode.HALF_UP), 4);
    }

    /** A price per GB-s the way AWS writes it, to ten decimals at least: {@code $0.0000150000}. */
    public static String price(BigDecimal value) {
        return "$" + value.setScale(Math.max(PRICE_DECIMALS, value.scale()), RoundingMode.UNNECESSARY).toPlainString();
    }

    /** A request price as published: {@code $0.20 per million}. */
    public static String perMillion(BigDecimal usdPerMillion) {
        return "$" + usdPerMillion.setScale(Math.max(2, usdPerMillion.scale()), RoundingMode.UNNECESSARY)
                .toPlainString() + " per million";
    }

    /** Milliseconds: {@code 120 ms}, {@code 120.5 ms}, {@code 1,000 ms}. */
    public static String ms(BigDecimal value) {
        return number(value) + " ms";
    }

    /** A length of time: {@code 730 h}, {@code 5 min}, {@code 90 s}, {@code 1.5 s}. */
    public static String time(long micros) {
        if (micros != 0 && micros % MICROS_PER_HOUR == 0) {
            return number(micros / MICROS_PER_HOUR) + " h";
        }
        if (micros != 0 && micros % MICROS_PER_MINUTE == 0) {
            return number(micros / MICROS_PER_MINUTE) + " min";
        }
        return number(BigDecimal.valueOf(micros).divide(BigDecimal.valueOf(MICROS_PER_SECOND))) + " s";
    }

    private static String grouped(BigDecimal value, int maxDecimals) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMaximumFractionDigits(maxDecimals);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }

    private static String groupedFixed(BigDecimal value, int decimals) {
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }
}
