package io.github.lambdasim.billing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The front door's request charge, computed by hand from the API Gateway prices of us-east-1
 * (aws.amazon.com/api-gateway/pricing, as shared/LAMBDA-FACTS.md gives them): HTTP API $1.00 per
 * million for the first 300M a month, $0.90 after; REST API $3.50 per million for the first 333M,
 * $2.80 for the next 667M, $2.38 for the next 19B, $1.51 after; no API Gateway free tier; tiers
 * over the account's month of each API type; nothing for function URLs and ALBs.
 */
class FrontDoorBillingTest {
    private static final BillingSpec NO_FREE = BillingSpec.defaults().withFreeTier(false);

    private static FunctionUsage behind(String name, FrontDoor door, long requests) {
        return FunctionUsage.onDemand(name, Architecture.X86_64, 128, requests, 0).withFrontDoor(door, requests);
    }

    private static Bill month(FunctionUsage... usage) {
        return Billing.bill(List.of(usage), NO_FREE.monthMicros(), NO_FREE);
    }

    private static void assertUsd(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
    }

    @Test
    void restApiAcrossItsFirstTier() {
        // 400M requests: 333M x $3.50/M = $1,165.50 + 67M x $2.80/M = $187.60 -> $1,353.10.
        // Lambda's own: 400M x $0.20/M = $80.00 (0 ms of duration). Total $1,433.10.
        Bill b = month(behind("api", FrontDoor.REST_API, 400_000_000));
        assertUsd("1353.10", b.month().costUsd().frontDoor());
        assertUsd("80.00", b.month().costUsd().requests());
        assertUsd("1433.10", b.month().costUsd().total());
        assertTrue(b.explanation().contains("  Front door charges = 333,000,000 x $3.50 per million + 67,000,000 x "
                + "$2.80 per million = $1,353.1000"), b.explanation()::toString);
    }

    @Test
    void restApiBeyondTwentyBillion() {
        // 21B requests: 333M x 3.50 = $1,165.50; 667M x 2.80 = $1,867.60; 19B x 2.38 = $45,220.00;
        // 1B x 1.51 = $1,510.00; in all $49,763.10.
        assertUsd("49763.10", FrontDoorPrices.of(FrontDoor.REST_API).usd(new BigDecimal("21000000000")));
    }

    @Test
    void twoFunctionsShareTheHttpApiTiersOfTheAccount() {
        // 200M + 150M = 350M through HTTP APIs: 300M x $1.00/M + 50M x $0.90/M = $345.00, shared
        // by requests: 200/350 = $197.142857 -> $197.14, 150/350 = $147.857143 -> $147.86.
        Bill b = month(behind("a", FrontDoor.HTTP_API, 200_000_000), behind("b", FrontDoor.HTTP_API, 150_000_000));
        assertUsd("345.00", b.month().costUsd().frontDoor());
        assertUsd("197.14", b.function("a").month().costUsd().frontDoor());
        assertUsd("147.86", b.function("b").month().costUsd().frontDoor());
    }

    @Test
    void functionUrlsAndLoadBalancersAddNoRequestCharge() {
        Bill b = month(behind("url", FrontDoor.FUNCTION_URL, 5_000_000), behind("alb", FrontDoor.ALB, 5_000_000));
        assertUsd("0", b.month().exactUsd().frontDoor());
        assertTrue(b.explanation().stream().anyMatch(l -> l.contains("billed by the hour and by LCU")),
                b.explanation()::toString);
    }

    @Test
    void aShorterPeriodIsTheMonthProRated() {
        // One hour of 100,000 HTTP API requests: the 730 h month has 73M ($73.00); the hour's share
        // is $73.00 x 1/730 = $0.10.
        long hour = 3_600_000_000L;
        Bill b = Billing.bill(List.of(behind("api", FrontDoor.HTTP_API, 100_000)), hour, NO_FREE);
        assertUsd("73.00", b.month().costUsd().frontDoor());
        assertUsd("0.10", b.period().costUsd().frontDoor());
    }
}
